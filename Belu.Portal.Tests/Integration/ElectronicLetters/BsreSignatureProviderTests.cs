using System.Text;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>
/// The BSrE adapter over real HTTP against a fake BSrE started here: it checks the client credentials and the form
/// fields the real service takes, and answers as it does (the PDF, or a JSON error).
/// </summary>
public sealed class BsreSignatureProviderTests : IAsyncLifetime
{
    private const string Nik = "5304011204780001";
    private const string Passphrase = "Rahasia#2026";
    private static readonly byte[] SignedByBsre = Encoding.ASCII.GetBytes("%PDF-1.7\n% ditandatangani oleh BSrE palsu\n%%EOF\n");

    private WebApplication _bsre = null!;
    private string _baseUrl = "";
    private readonly List<IFormCollection> _received = [];

    public async Task InitializeAsync()
    {
        var port = Packages.FreePort();
        _baseUrl = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(_baseUrl);
        _bsre = builder.Build();
        _bsre.MapPost("/api/sign/pdf", async (HttpContext context) =>
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("belu:rahasia-klien"));
            if (context.Request.Headers.Authorization != expected)
            {
                return Results.Json(new { error = "Unauthorized", status_code = 401 }, statusCode: 401);
            }
            var form = await context.Request.ReadFormAsync();
            lock (_received)
            {
                _received.Add(form);
            }
            if (form["nik"] == "0000000000000000")
            {
                return Results.StatusCode(503);
            }
            if (form["nik"] != Nik)
            {
                return Results.Json(new { error = "NIK tidak terdaftar", status_code = 1111 }, statusCode: 400);
            }
            if (form["passphrase"] != Passphrase)
            {
                return Results.Json(new { error = "Passphrase anda salah", status_code = 2031 }, statusCode: 400);
            }
            return form["tampilan"] == "invisible" && form.Files.GetFile("file") is { Length: > 0 }
                ? Results.Bytes(SignedByBsre, "application/pdf")
                : Results.Json(new { error = "Parameter tidak lengkap", status_code = 2000 }, statusCode: 400);
        });
        await _bsre.StartAsync();
    }

    public async Task DisposeAsync() => await _bsre.DisposeAsync();

    private BsreSignatureProvider Provider(string? baseUrl = null, string secret = "rahasia-klien") => new(
        new HttpClient(),
        Options.Create(new SigningOptions
        {
            Provider = "Bsre",
            Bsre = new BsreOptions { BaseUrl = baseUrl ?? _baseUrl, ClientId = "belu", ClientSecret = secret, TimeoutSeconds = 5 },
        }),
        NullLogger<BsreSignatureProvider>.Instance);

    private static SignerIdentity Signer(string? nik = Nik) => new(1, "Yohanes Bria", "197805122005011003", "Kepala Dinas", nik);

    private static readonly byte[] Letter = Encoding.ASCII.GetBytes("%PDF-1.7\n% naskah\n%%EOF\n");

    [Fact]
    public async Task BsreReturnsTheSignedPdfForTheRightNikAndPassphrase()
    {
        var outcome = await Provider().SignAsync(Letter, Signer(), Passphrase);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(SignedByBsre, outcome.SignedPdf);
        var form = Assert.Single(_received);
        Assert.Equal(Nik, form["nik"]);
        Assert.Equal("invisible", form["tampilan"]);
        Assert.Equal(Letter.Length, form.Files.GetFile("file")!.Length);
    }

    [Fact]
    public async Task AWrongPassphraseAtBsreIsTheSameRefusal()
    {
        var outcome = await Provider().SignAsync(Letter, Signer(), "salah");

        Assert.Equal(SigningRefusal.WrongPassphrase, outcome.Refusal);
        Assert.Equal("Passphrase salah. Dokumen tidak ditandatangani.", outcome.Message);
        Assert.Null(outcome.SignedPdf);
    }

    [Fact]
    public async Task ANikBsreDoesNotKnowIsNotEnrolled()
    {
        var outcome = await Provider().SignAsync(Letter, Signer("5304019999990001"), Passphrase);

        Assert.Equal(SigningRefusal.NotEnrolled, outcome.Refusal);
        Assert.Contains("belum terdaftar", outcome.Message);
    }

    [Fact]
    public async Task ASignerWithoutANikIsRefusedWithoutAsking()
    {
        var outcome = await Provider().SignAsync(Letter, Signer(nik: null), Passphrase);

        Assert.Equal(SigningRefusal.NotEnrolled, outcome.Refusal);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task BsreAnsweringWithAServerErrorIsServiceUnavailable()
    {
        var outcome = await Provider().SignAsync(Letter, Signer("0000000000000000"), Passphrase);

        Assert.Equal(SigningRefusal.ServiceUnavailable, outcome.Refusal);
        Assert.Contains("tidak dapat dihubungi", outcome.Message);
    }

    [Fact]
    public async Task BsreUnreachableIsServiceUnavailable()
    {
        var outcome = await Provider(baseUrl: $"http://127.0.0.1:{Packages.FreePort()}").SignAsync(Letter, Signer(), Passphrase);

        Assert.Equal(SigningRefusal.ServiceUnavailable, outcome.Refusal);
    }

    [Fact]
    public async Task WrongClientCredentialsAreNotMistakenForSuccess()
    {
        var outcome = await Provider(secret: "keliru").SignAsync(Letter, Signer(), Passphrase);

        Assert.False(outcome.Succeeded);
        Assert.Equal(SigningRefusal.ServiceUnavailable, outcome.Refusal);
    }
}
