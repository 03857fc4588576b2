// Links of a form's error summary (<a data-focus-field="field-X">): go to the field and put the cursor in it.
// Captured before Blazor's link handling, which would treat the fragment as a navigation.
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a[data-focus-field]") : null;
    const field = link ? document.getElementById(link.dataset.focusField) : null;
    if (!field) {
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    field.scrollIntoView({ block: "center" });
    const control = field.matches("input, textarea, select, button") ? field : field.querySelector("input:not([type=hidden]), textarea, select, button");
    control?.focus({ preventScroll: true });
}, true);
