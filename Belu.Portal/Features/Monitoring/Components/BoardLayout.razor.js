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
