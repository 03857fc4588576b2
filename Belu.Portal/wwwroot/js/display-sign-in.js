// A wall screen has no keyboard: its sign-in form submits itself. A signed-in person's form waits for a click.
(function () {
    var form = document.getElementById('display-sign-in');
    if (form && form.getAttribute('data-auto-submit') === 'true') {
        form.submit();
    }
})();
