// The toolbar of the print pages (tanda terima, lembar disposisi). A file, not inline onclick attributes:
// the Content-Security-Policy (script-src 'self') blocks inline handlers, and the buttons did nothing.
document.addEventListener("click", event => {
    const button = event.target instanceof Element ? event.target.closest("[data-print-action]") : null;
    if (!button) {
        return;
    }
    if (button.dataset.printAction === "print") {
        window.print();
    } else if (button.dataset.printAction === "close") {
        // Reached by a link in the same tab: go back; opened in a tab of its own: close it.
        if (history.length > 1) {
            history.back();
        } else {
            window.close();
        }
    }
});
