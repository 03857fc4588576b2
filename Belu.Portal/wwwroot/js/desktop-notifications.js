// Desktop notifications for new bell items while the portal's tab is in the background (the Notification API).
// Permission is asked only when the user presses the button on the settings page, never on page load.
window.beluDesktopNotifications = {
    state() {
        return "Notification" in window ? Notification.permission : "unsupported";
    },
    async request() {
        if (!("Notification" in window)) {
            return "unsupported";
        }
        return Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    },
    // Called for each new bell item; shows nothing when the tab is in front (the toast says it) or permission is missing.
    show(text, link) {
        if (!("Notification" in window) || Notification.permission !== "granted" || !document.hidden) {
            return false;
        }
        const note = new Notification("Portal Belu", { body: text, tag: link || text, icon: "/favicon.svg" });
        note.onclick = () => {
            window.focus();
            if (link) {
                window.location.assign(link);
            }
            note.close();
        };
        return true;
    },
};
