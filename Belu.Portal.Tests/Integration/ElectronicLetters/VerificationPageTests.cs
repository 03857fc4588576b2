using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>The public verification page (/verifikasi/{code}) answers anybody, tells no secret, and compares uploads byte for byte.</summary>
public partial class VerificationPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(SignedDraft Signed, byte[] Pdf)> SignedAsync(string subject, SecurityClass security = SecurityClass.Biasa)
    {
        await factory.EnrolAsync("pimpinan");
        var draft = await factory.AwaitingSignatureAsync(subject, security);
        var signed = await factory.SignAsync("pimpinan", draft);
        var pdf = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<OpenDraftPdf>().HandleAsync(draft.Id));
        return (signed, pdf.Content);
    }

    [Fact]
    public async Task AnybodySeesTheNumberDateSignerHashAndStatusOfAKnownCode()
    {
        var (signed, pdf) = await SignedAsync("Undangan Rapat Koordinasi SPBE");
        var anonymous = factory.CreateBrowserLikeClient();

        var response = await anonymous.GetAsync($"/verifikasi/{signed.VerificationCode}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(signed.Number, html);
        Assert.Contains(DraftDocument.LongDate(signed.LetterDate), html);
        Assert.Contains(SignedLetter.HashOf(pdf), html);
        Assert.Matches(StatusSah(), html);
        Assert.Contains("Undangan Rapat Koordinasi SPBE", html);
        Assert.Contains("Dinas Kesehatan", html);
        // A code typed in lower case is the same code.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/verifikasi/{signed.VerificationCode.ToLowerInvariant()}")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownCodeIsA404WithAPlainPage()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/verifikasi/ZZZZZZZZZZZZZZZZ");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Naskah tidak ditemukan", html);
        Assert.Contains("tidak terdaftar", html);
    }

    [Fact]
    public async Task ARahasiaLetterShowsNeitherSubjectNorAddressees()
    {
        var (signed, _) = await SignedAsync("Pengamanan Perbatasan Motaain", SecurityClass.Rahasia);

        var html = WebUtility.HtmlDecode(await factory.CreateBrowserLikeClient().GetStringAsync($"/verifikasi/{signed.VerificationCode}"));

        Assert.Contains(signed.Number, html);
        Assert.DoesNotContain("Motaain", html);
        Assert.DoesNotContain("Dinas Kesehatan", html);
        Assert.Contains("naskah bersifat rahasia", html);
    }

    [Fact]
    public async Task AnExactCopyIsSamaPersisAndACopyChangedByOneByteIsTidakSama()
    {
        var (signed, pdf) = await SignedAsync("Naskah untuk diperiksa salinannya");
        var client = factory.CreateBrowserLikeClient();
        var doctored = (byte[])pdf.Clone();
        doctored[pdf.Length / 2] ^= 0x01;

        Assert.Contains("sama persis", await UploadAsync(client, signed.VerificationCode, pdf, "naskah.pdf"));
        Assert.Contains("tidak sama", await UploadAsync(client, signed.VerificationCode, doctored, "naskah.pdf"));
        Assert.Contains("bukan PDF", await UploadAsync(client, signed.VerificationCode, "<html>bukan pdf</html>"u8.ToArray(), "naskah.pdf"));
    }

    private static async Task<string> UploadAsync(HttpClient client, string code, byte[] file, string fileName)
    {
        var page = await client.GetStringAsync($"/verifikasi/{code}");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("cek-berkas"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { content, "berkas", fileName },
        };
        var response = await client.PostAsync($"/verifikasi/{code}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return ResultBox().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no result on the page: " + html);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-testid=\"verify-result\"[^>]*>\\s*([^<]+)<")]
    private static partial Regex ResultBox();

    [GeneratedRegex("data-testid=\"verify-status\"[^>]*>Sah<")]
    private static partial Regex StatusSah();
}

/// <summary>The verification page is limited per address: a guesser of codes meets 429 soon.</summary>
public class VerificationRateLimitTests(VerifyLimitFactory factory) : IClassFixture<VerifyLimitFactory>
{
    [Fact]
    public async Task TheThirdRequestInAMinuteFromOneAddressIsRefused()
    {
        var client = factory.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync($"/verifikasi/TEBAKAN{i}")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }
}

public sealed class VerifyLimitFactory : PortalFactory
{
    public VerifyLimitFactory() => WithSetting("RateLimits:VerifyPerMinute", "2");
}
