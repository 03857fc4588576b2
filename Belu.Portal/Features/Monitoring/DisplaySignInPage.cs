using System.Text.Encodings.Web;

namespace Belu.Portal.Features.Monitoring;

/// <summary>The page behind a display address: a form that a screen submits by itself and a person must confirm.</summary>
internal static class DisplaySignInPage
{
    public static string Render(string token, string fieldName, string requestToken, string? signedInAs)
    {
        var h = HtmlEncoder.Default;
        var body = signedInAs is null
            ? """
              <p class="note">Memasang layar monitor…</p>
              <noscript><button type="submit">Tampilkan monitor</button></noscript>
              """
            : $"""
              <h1>Jadikan peramban ini layar monitor?</h1>
              <p>Anda sedang masuk sebagai <b>{h.Encode(signedInAs)}</b>. Alamat ini untuk layar TV di dinding: melanjutkan
              akan mengeluarkan Anda dari portal di peramban ini dan menampilkan papan monitor.</p>
              <input type="hidden" name="ganti" value="ya" />
              <button type="submit" data-testid="display-confirm">Ya, jadikan layar monitor</button>
              <a href="/">Batal, kembali ke portal</a>
              """;
        return $"""
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Layar Monitor — Belu.Portal</title>
            <style>body{"{"}background:#0b1220;color:#e5e7eb;font:1.1rem system-ui,sans-serif;margin:0;padding:2rem;max-width:40rem{"}"}
            .note{"{"}color:#4b5563{"}"} button{"{"}font-size:1rem;padding:.6rem 1rem;margin:1rem 1rem 0 0{"}"} a{"{"}color:#93c5fd{"}"}</style>
            </head>
            <body>
            <form method="post" action="/monitor/masuk" data-auto-submit="{(signedInAs is null ? "true" : "false")}" id="display-sign-in">
            <input type="hidden" name="{h.Encode(fieldName)}" value="{h.Encode(requestToken)}" />
            <input type="hidden" name="token" value="{h.Encode(token)}" />
            {body}
            </form>
            <script src="/js/display-sign-in.js"></script>
            </body>
            </html>
            """;
    }
}
