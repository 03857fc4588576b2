// Check-in from the field: the phone's location and a live photo (camera → canvas → JPEG), never a file picker.
// Browsers give both only in a secure context (https://, or localhost); the page asks status() first and says so.
window.beluField = (() => {
    let stream = null;
    let photo = null;

    const stopCamera = () => {
        if (stream) {
            stream.getTracks().forEach(t => t.stop());
            stream = null;
        }
    };

    return {
        status: () => ({
            secure: window.isSecureContext === true,
            geolocation: "geolocation" in navigator,
            camera: !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia),
        }),

        // One fresh fix; an error comes back as { error } with the browser's code (1 denied, 2 unavailable, 3 timeout).
        locate: () => new Promise(resolve => {
            if (!window.isSecureContext || !("geolocation" in navigator)) {
                resolve({ error: 0 });
                return;
            }
            navigator.geolocation.getCurrentPosition(
                p => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
                e => resolve({ error: e.code || 2 }),
                { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
        }),

        startCamera: async video => {
            try {
                stopCamera();
                stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user", width: { ideal: 640 } }, audio: false });
                video.srcObject = stream;
                await video.play();
                return "";
            } catch (e) {
                return (e && e.name) || "Error";
            }
        },

        // Draws the current frame at most 640 px wide into a JPEG; returns its size (0: no frame yet).
        capture: async (video, quality) => {
            if (!video.videoWidth) {
                return 0;
            }
            const scale = Math.min(1, 640 / video.videoWidth);
            const canvas = document.createElement("canvas");
            canvas.width = Math.round(video.videoWidth * scale);
            canvas.height = Math.round(video.videoHeight * scale);
            canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
            const blob = await new Promise(r => canvas.toBlob(r, "image/jpeg", quality));
            if (!blob) {
                return 0;
            }
            photo = new Uint8Array(await blob.arrayBuffer());
            stopCamera();
            return photo.length;
        },

        preview: () => photo ? URL.createObjectURL(new Blob([photo], { type: "image/jpeg" })) : "",

        // The photo for the server as a stream reference (a SignalR message could not carry it).
        photo: () => photo,

        forget: () => {
            photo = null;
            stopCamera();
        },
    };
})();
