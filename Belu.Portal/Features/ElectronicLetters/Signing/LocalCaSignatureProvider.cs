using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// Signs with the signer's certificate from the regency CA: the passphrase opens the PKCS#12 the signer sealed at
/// enrolment. A wrong passphrase cannot open it, so nothing is signed; the caller audits and counts the refusal.
/// </summary>
public sealed class LocalCaSignatureProvider(
    IDbContextFactory<PortalDbContext> dbFactory,
    LocalCertificateAuthority authority,
    TimeProvider time) : ISignatureProvider
{
    public string Name => "LocalCa";

    public async Task<SigningOutcome> SignAsync(byte[] pdf, SignerIdentity signer, string passphrase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(signer);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<SignerCertificate>().AsNoTracking()
            .Where(c => c.EmployeeId == signer.EmployeeId && c.RevokedAtUtc == null && c.NotAfterUtc > now)
            .OrderByDescending(c => c.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return SigningOutcome.Refused(SigningRefusal.NotEnrolled);
        }

        byte[] pfx;
        X509Certificate2 ca;
        try
        {
            pfx = authority.PfxProtector.Unprotect(stored.ProtectedPfx);
            ca = await authority.GetAsync(cancellationToken);
        }
        catch (CryptographicException)
        {
            // The DataProtection seal cannot be opened: the key-encryption certificate is not the one it was sealed with.
            return SigningOutcome.Refused(SigningRefusal.ServiceUnavailable);
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(pfx, passphrase ?? "", X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            // The PKCS#12 MAC does not verify under this passphrase.
            return SigningOutcome.Refused(SigningRefusal.WrongPassphrase);
        }
        using (certificate)
        {
            var signed = await PdfSignature.SignAsync(pdf, new PadesSigner(certificate, ca),
                reason: $"Ditandatangani secara elektronik oleh {signer.Name}", location: "Kabupaten Belu");
            return signed is null ? SigningOutcome.Refused(SigningRefusal.InvalidDocument) : SigningOutcome.Signed(signed);
        }
    }
}
