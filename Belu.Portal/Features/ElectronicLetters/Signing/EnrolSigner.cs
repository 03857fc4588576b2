using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// A signer chooses the passphrase of their electronic signature: the regency CA issues them a certificate and its
/// key is sealed by that passphrase (and by DataProtection). Enrolling again issues a new certificate and retires
/// the old one (a forgotten passphrase cannot be recovered, only replaced). Only the signer enrols themselves.
/// </summary>
public sealed class EnrolSigner(
    IDbContextFactory<PortalDbContext> dbFactory,
    LocalCertificateAuthority authority,
    CurrentUser currentUser,
    AuditLog audit,
    IOptions<SigningOptions> options,
    TimeProvider time)
{
    // Each guess at a stolen PKCS#12 costs this many PBKDF2-SHA256 rounds; signing pays it twice (about 10 ms).
    internal const int KdfIterations = 20_000;

    public async Task<SignerCertificate> EnrolAsync(string passphrase, string passphraseAgain, CancellationToken ct = default)
    {
        var employeeId = currentUser.RequireEmployeeId();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(passphrase) || passphrase.Length < options.Value.MinimumPassphraseLength)
        {
            errors["passphrase"] = $"Passphrase paling sedikit {options.Value.MinimumPassphraseLength} karakter.";
        }
        else if (passphrase != passphraseAgain)
        {
            errors["passphraseAgain"] = "Ulangan passphrase tidak sama.";
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(string.Join(" ", errors.Values), errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var employee = await db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId && e.IsActive, ct)
            ?? throw new ForbiddenException("Data pegawai Anda tidak aktif.");
        using var certificate = await authority.IssueAsync(new SignerIdentity(employee.Id, employee.Name, employee.Nip, employee.Position), ct);
        var pfx = certificate.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, KdfIterations), passphrase);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<SignerCertificate>()
            .Where(c => c.EmployeeId == employeeId && c.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAtUtc, now), ct);
        var row = new SignerCertificate
        {
            EmployeeId = employeeId,
            Subject = certificate.Subject,
            Thumbprint = certificate.Thumbprint,
            ProtectedPfx = authority.PfxProtector.Protect(pfx),
            NotBeforeUtc = certificate.NotBefore.ToUniversalTime(),
            NotAfterUtc = certificate.NotAfter.ToUniversalTime(),
            CreatedAtUtc = now,
        };
        db.Set<SignerCertificate>().Add(row);
        audit.Add(db, "signature.enrolled", employee.Name, $"Sertifikat {certificate.Thumbprint}");
        await db.SaveChangesAsync(ct);
        return row;
    }
}
