// The board's clock ticks in the browser, so it keeps time even while the link is down; but it counts on from the
// portal's clock (the instant the page was last drawn, in data-board-now), never from the screen's own, which may be
// wrong or, in a test portal, another day altogether.
const timeFormats = new Map();
const dateFormats = new Map();
let anchor = null;

function officeNow(el) {
    const drawn = Number(el.getAttribute("data-board-now"));
    if (!Number.isFinite(drawn) || drawn <= 0) {
        return null;
    }
    // A new drawing brings the portal's time again: count on from it (this also corrects a drifting screen clock).
    if (anchor === null || anchor.drawn !== drawn) {
        anchor = { drawn, at: Date.now() };
    }
    return new Date(anchor.drawn + (Date.now() - anchor.at));
}

function format(cache, zone, options) {
    if (!cache.has(zone)) {
        cache.set(zone, new Intl.DateTimeFormat("id-ID", { timeZone: zone, ...options }));
    }
    return cache.get(zone);
}

function tick() {
    const el = document.querySelector("[data-board-clock]");
    const now = el ? officeNow(el) : null;
    if (now === null) {
        return;
    }
    const zone = el.getAttribute("data-board-zone") || "Asia/Makassar";
    // id-ID writes 07.30.00; the portal shows every time as 07:30:00.
    el.textContent = format(timeFormats, zone, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false })
        .format(now).replaceAll(".", ":");
    for (const date of document.querySelectorAll("[data-board-date]")) {
        date.textContent = format(dateFormats, zone, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(now);
    }
}

// A ticker line longer than the screen is wide scrolls to its end and back instead of being cut: measured here,
// because only the browser knows how wide the text came out. Lines arrive live, so this runs with the clock.
function fitTicker() {
    for (const item of document.querySelectorAll(".ticker-item")) {
        const line = item.querySelector(".ticker-line");
        if (!line) {
            continue;
        }
        const overflow = line.scrollWidth - item.clientWidth;
        if (overflow > 1) {
            item.style.setProperty("--ticker-shift", `${-overflow}px`);
            // About 60 px a second, so a long line reads at the same pace as a short one.
            item.style.setProperty("--ticker-duration", `${Math.max(8, Math.round(overflow / 60) * 2 + 6)}s`);
            item.classList.add("scrolls");
        } else {
            item.classList.remove("scrolls");
        }
    }
}

tick();
fitTicker();
setInterval(() => { tick(); fitTicker(); }, 1000);
