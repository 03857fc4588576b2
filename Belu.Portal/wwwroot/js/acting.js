// The Plh/Plt's choice of whom he works as ("Bertindak sebagai"), kept for the tab's session so a reload or a typed
// address keeps it. Only a choice: the server checks it against the appointments in force at every use.
window.beluActing = {
    choose: post => {
        document.cookie = post
            ? `belu.bertindak=${encodeURIComponent(post)}; path=/; samesite=strict`
            : "belu.bertindak=; path=/; samesite=strict; max-age=0";
    },
};
