// A wall screen nobody touches: keep the last good data, say it is stale, and reconnect forever.
// When the server came back without our circuit (a restart), wait until it answers, then reload the board.
const banner = document.getElementById("components-reconnect-modal");
let retrying = false;

banner.addEventListener("components-reconnect-state-changed", event => {
    const state = event.detail.state;
    if (state === "show" || state === "retrying") {
        markStale(true);
    } else if (state === "hide") {
        markStale(false);
    } else if (state === "failed") {
        markStale(true);
        retryForever();
    } else if (state === "rejected") {
        markStale(true);
        reloadWhenServerAnswers();
    }
});

function markStale(stale) {
    banner.classList.toggle("visible", stale);
    document.body.classList.toggle("board-stale", stale);
}

async function retryForever() {
    if (retrying) {
        return;
    }
    retrying = true;
    let delay = 2000;
    for (;;) {
        try {
            const reconnected = await Blazor.reconnect();
            if (reconnected) {
                retrying = false;
                markStale(false);
                return;
            }
            // The server answered but no longer knows this circuit.
            await reloadWhenServerAnswers();
            return;
        } catch {
            // Server still unreachable.
        }
        await sleep(delay);
        delay = Math.min(delay * 2, 30000);
    }
}

async function reloadWhenServerAnswers() {
    let delay = 2000;
    for (;;) {
        try {
            const response = await fetch("/health", { cache: "no-store" });
            if (response.ok) {
                location.reload();
                return;
            }
        } catch {
            // Not yet.
        }
        await sleep(delay);
        delay = Math.min(delay * 2, 30000);
    }
}

function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}
