using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// The national signing service of BSrE (BSSN), in the shape of its PDF signing API: POST multipart to
/// <c>{BaseUrl}/api/sign/pdf</c> with the signer's NIK and passphrase, <c>tampilan=invisible</c> and the file,
/// authenticated with the regency's client credentials (HTTP Basic). It answers with the signed PDF, or with JSON
/// <c>{"error": "...", "status_code": n}</c>. Its errors map to the portal's refusals; nothing else is trusted as success.
/// </summary>
public sealed class BsreSignatureProvider(HttpClient http, IOptions<SigningOptions> options, ILogger<BsreSignatureProvider> logger) : ISignatureProvider
{
    public const string HttpClientName = "Bsre";

    // BSrE's status codes for the cases a signer can act on, as integrators of its esign client service v1 report them;
    // the message is matched as well, because the codes differ between versions of the service.
    private const int WrongPassphraseCode = 2031;
    private const int UserNotRegisteredCode = 1111;
    private const int CertificateNotActiveCode = 2021;

    public string Name => "Bsre";

    public async Task<SigningOutcome> SignAsync(byte[] pdf, SignerIdentity signer, string passphrase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(signer);
        if (string.IsNullOrWhiteSpace(signer.Nik))
        {
            return SigningOutcome.Refused(SigningRefusal.NotEnrolled);
        }
        var settings = options.Value.Bsre;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.BaseUrl!.TrimEnd('/') + "/"), "api/sign/pdf"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        request.Content = new MultipartFormDataContent
        {
            { new StringContent(signer.Nik), "nik" },
            { new StringContent(passphrase ?? ""), "passphrase" },
            { new StringContent("invisible"), "tampilan" },
            { file, "file", "naskah.pdf" },
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (response.IsSuccessStatusCode && IsPdf(body))
            {
                return SigningOutcome.Signed(body);
            }
            return Refusal(response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "BSrE could not be reached at {BaseUrl}.", settings.BaseUrl);
            return SigningOutcome.Refused(SigningRefusal.ServiceUnavailable);
        }
    }

    private SigningOutcome Refusal(HttpStatusCode status, byte[] body)
    {
        var (code, message) = ReadError(body);
        logger.LogWarning("BSrE refused to sign: HTTP {Status}, status_code {Code}: {Message}", (int)status, code, message);
        var text = message?.ToLowerInvariant() ?? "";
        if (code == WrongPassphraseCode || text.Contains("passphrase", StringComparison.Ordinal))
        {
            return SigningOutcome.Refused(SigningRefusal.WrongPassphrase);
        }
        if (code is UserNotRegisteredCode or CertificateNotActiveCode || text.Contains("tidak terdaftar", StringComparison.Ordinal)
            || text.Contains("not registered", StringComparison.Ordinal))
        {
            return SigningOutcome.Refused(SigningRefusal.NotEnrolled);
        }
        // A 5xx, an answer that is neither a PDF nor a known error, or a refusal we cannot read: the service is not usable now.
        return SigningOutcome.Refused(SigningRefusal.ServiceUnavailable);
    }

    private static (int? Code, string? Message) ReadError(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            int? code = root.TryGetProperty("status_code", out var c) && c.TryGetInt32(out var n) ? n : null;
            string? message = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static bool IsPdf(byte[] body) => body.Length > 5 && body.AsSpan(0, 5).SequenceEqual("%PDF-"u8);
}
