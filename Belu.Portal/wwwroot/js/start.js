// Starts Blazor with reconnection tuned for an office intranet: retry quickly at first, then every few seconds,
// for long enough to ride out a server restart. (An external file, so the Content-Security-Policy needs no inline script.)
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 120,
            retryIntervalMilliseconds: attempt => attempt < 5 ? 1000 : 3000,
        },
    },
});
