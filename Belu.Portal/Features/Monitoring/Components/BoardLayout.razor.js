// The board's clock ticks in the browser, in the office time zone, so it keeps time even while the link is down.
const zone = "Asia/Makassar";
const timeFormat = new Intl.DateTimeFormat("id-ID", { timeZone: zone, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
const dateFormat = new Intl.DateTimeFormat("id-ID", { timeZone: zone, weekday: "long", day: "numeric", month: "long", year: "numeric" });

function tick() {
    const now = new Date();
    for (const el of document.querySelectorAll("[data-board-clock]")) {
        el.textContent = timeFormat.format(now).replaceAll(":", ".");
    }
    for (const el of document.querySelectorAll("[data-board-date]")) {
        el.textContent = dateFormat.format(now);
    }
}

tick();
setInterval(tick, 1000);
