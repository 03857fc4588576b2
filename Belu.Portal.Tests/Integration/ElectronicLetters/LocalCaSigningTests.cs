using Belu.Portal.Data;
using Belu.Portal.Features.ElectronicLetters.Pdf;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>The regency CA signs a rendered letter; a real verifier (poppler's pdfsig) judges the result.</summary>
public class LocalCaSigningTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Passphrase = "Tanda#Tangan2026";

    private async Task<SignerIdentity> EnrolAsync(string userName, string passphrase = Passphrase)
    {
        await using var scope = await factory.ScopeForAsync(userName);
        var row = await scope.ServiceProvider.GetRequiredService<EnrolSigner>().EnrolAsync(passphrase, passphrase);
        await using var db = factory.CreateDbContext();
        var employee = await db.Employees.SingleAsync(e => e.Id == row.EmployeeId);
        return new SignerIdentity(employee.Id, employee.Name, employee.Nip, employee.Position);
    }

    private byte[] Letter() =>
        factory.Services.GetRequiredService<LetterPdf>().Render(SampleLetters.SuratDinas(paragraphs: 9, verificationUrl: "https://portal.belukab.go.id/verifikasi/AB12CD34"));

    [Fact]
    public async Task ASignedLetterIsReportedValidByPdfsigAsPades()
    {
        var signer = await EnrolAsync("pimpinan");
        var provider = factory.Services.GetRequiredService<ISignatureProvider>();

        var outcome = await provider.SignAsync(Letter(), signer, Passphrase);

        Assert.True(outcome.Succeeded, outcome.Message);
        var report = await Poppler.SignatureReportAsync(outcome.SignedPdf!);
        Assert.Contains("Signature is Valid.", report);
        Assert.Contains("ETSI.CAdES.detached", report);
        Assert.Contains(signer.Name, report);
        // The signed file is still the letter: its text reads back.
        Assert.Contains("Tembusan:", await Poppler.TextAsync(outcome.SignedPdf!));
    }

    [Fact]
    public async Task ASignedLetterChangedByOneByteIsADigestMismatch()
    {
        var signer = await EnrolAsync("pimpinan");
        var signed = (await factory.Services.GetRequiredService<ISignatureProvider>().SignAsync(Letter(), signer, Passphrase)).SignedPdf!;

        var doctored = (byte[])signed.Clone();
        // A byte of the first page's drawing, inside the signed range and outside any compressed stream's framing.
        var at = IndexOf(signed, "/Title"u8.ToArray()) + 8;
        doctored[at] = (byte)(doctored[at] == (byte)'A' ? 'B' : 'A');

        var report = await Poppler.SignatureReportAsync(doctored);
        Assert.Contains("Digest Mismatch.", report);
        Assert.DoesNotContain("Signature is Valid.", report);
    }

    [Fact]
    public async Task AWrongPassphraseRefusesAndSignsNothing()
    {
        var signer = await EnrolAsync("pimpinan");
        var letter = Letter();

        var outcome = await factory.Services.GetRequiredService<ISignatureProvider>().SignAsync(letter, signer, "bukan-passphrase");

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.SignedPdf);
        Assert.Equal(SigningRefusal.WrongPassphrase, outcome.Refusal);
        Assert.Equal("Passphrase salah. Dokumen tidak ditandatangani.", outcome.Message);
    }

    [Fact]
    public async Task ASignerWhoNeverEnrolledIsRefused()
    {
        await using var db = factory.CreateDbContext();
        var employee = await db.Employees.OrderBy(e => e.Id).FirstAsync(e => !db.Set<SignerCertificate>().Any(c => c.EmployeeId == e.Id));

        var outcome = await factory.Services.GetRequiredService<ISignatureProvider>()
            .SignAsync(Letter(), new SignerIdentity(employee.Id, employee.Name, employee.Nip, employee.Position), Passphrase);

        Assert.Equal(SigningRefusal.NotEnrolled, outcome.Refusal);
    }

    [Fact]
    public async Task EnrollingAgainRetiresTheOldPassphrase()
    {
        var signer = await EnrolAsync("pimpinan", "Lama#Passphrase1");
        await EnrolAsync("pimpinan", "Baru#Passphrase2");
        var provider = factory.Services.GetRequiredService<ISignatureProvider>();

        Assert.Equal(SigningRefusal.WrongPassphrase, (await provider.SignAsync(Letter(), signer, "Lama#Passphrase1")).Refusal);
        Assert.True((await provider.SignAsync(Letter(), signer, "Baru#Passphrase2")).Succeeded);
    }

    [Fact]
    public async Task AShortOrMismatchedPassphraseIsNotAccepted()
    {
        await using var scope = await factory.ScopeForAsync("pimpinan");
        var enrol = scope.ServiceProvider.GetRequiredService<EnrolSigner>();

        var tooShort = await Assert.ThrowsAsync<ValidationException>(() => enrol.EnrolAsync("pendek", "pendek"));
        Assert.Contains("paling sedikit 8 karakter", tooShort.Message);
        var mismatch = await Assert.ThrowsAsync<ValidationException>(() => enrol.EnrolAsync("Panjang#Sekali1", "Panjang#Sekali2"));
        Assert.Contains("tidak sama", mismatch.Message);
    }

    [Fact]
    public async Task TheCertificateNamesTheSignerAndTheCaKeyIsStoredOnlySealed()
    {
        var signer = await EnrolAsync("pimpinan");
        await using var db = factory.CreateDbContext();
        var certificate = await db.Set<SignerCertificate>().Where(c => c.EmployeeId == signer.EmployeeId && c.RevokedAtUtc == null).SingleAsync();
        var authority = await db.Set<SigningAuthority>().SingleAsync();

        var subject = new System.Security.Cryptography.X509Certificates.X500DistinguishedName(certificate.Subject);
        Assert.Equal(signer.Name, Rdn(subject, "2.5.4.3"));
        Assert.Equal(signer.Nip, Rdn(subject, "2.5.4.5"));
        Assert.Equal(signer.Position, Rdn(subject, "2.5.4.12"));
        var ca = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(authority.Certificate);
        Assert.EndsWith("Kabupaten Belu", Rdn(ca.SubjectName, "2.5.4.3"));
        // The stored key is not a PKCS#8 key as such: only DataProtection opens it.
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() =>
            System.Security.Cryptography.RSA.Create().ImportPkcs8PrivateKey(authority.ProtectedKey, out _));
        var opened = factory.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Belu.Portal.Signing.AuthorityKey").Unprotect(authority.ProtectedKey);
        Assert.NotEmpty(opened);
    }

    private static string? Rdn(System.Security.Cryptography.X509Certificates.X500DistinguishedName name, string oid) =>
        name.EnumerateRelativeDistinguishedNames().SingleOrDefault(r => r.GetSingleElementType().Value == oid)?.GetSingleElementValue();

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        var index = haystack.AsSpan().IndexOf(needle);
        return index >= 0 ? index : throw new InvalidOperationException("marker not found");
    }
}
