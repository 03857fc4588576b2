// Fetches a report from its streaming endpoint (cookie-authenticated GET) and hands it to the browser as a download.
// Errors come back as problem details with an Indonesian message, which the page shows.
export async function download(url) {
    let response;
    try {
        response = await fetch(url, {
            credentials: 'same-origin',
            headers: { 'Accept': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' },
        });
    } catch {
        return { ok: false, status: 0, message: 'Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.' };
    }
    if (!response.ok) {
        return { ok: false, status: response.status, message: await problemMessage(response) };
    }
    const blob = await response.blob();
    const fileName = nameFrom(response.headers.get('Content-Disposition')) ?? 'laporan.xlsx';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    return { ok: true, status: response.status, fileName };
}

async function problemMessage(response) {
    const fallback = {
        401: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
        403: 'Anda tidak berwenang mengunduh laporan ini.',
        429: 'Server sedang sibuk menyiapkan laporan lain. Coba lagi sebentar lagi.',
    }[response.status] ?? `Laporan gagal diunduh (kode ${response.status}).`;
    if (!(response.headers.get('Content-Type') ?? '').includes('json')) {
        return fallback;
    }
    try {
        const problem = await response.json();
        return problem.detail ?? problem.title ?? fallback;
    } catch {
        return fallback;
    }
}

function nameFrom(disposition) {
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
    return match ? decodeURIComponent(match[1]) : null;
}
