using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Belu.Portal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// The regency's own signing CA: created once (the first start, or the first instance to get there), then loaded and
/// kept. It issues the signers' certificates; it never signs a letter itself.
/// </summary>
public sealed class LocalCertificateAuthority(
    IDbContextFactory<PortalDbContext> dbFactory,
    IDataProtectionProvider dataProtection,
    IOptions<SigningOptions> options,
    TimeProvider time,
    ILogger<LocalCertificateAuthority> logger)
{
    internal const string KeyPurpose = "Belu.Portal.Signing.AuthorityKey";
    internal const string PfxPurpose = "Belu.Portal.Signing.SignerPfx";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private X509Certificate2? _authority;

    /// <summary>The CA certificate with its private key (created on first use).</summary>
    public async Task<X509Certificate2> GetAsync(CancellationToken ct = default)
    {
        if (_authority is { } ready)
        {
            return ready;
        }
        await _gate.WaitAsync(ct);
        try
        {
            return _authority ??= await LoadOrCreateAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The DataProtection seal around a signer's PKCS#12 (which the passphrase seals inside).</summary>
    internal IDataProtector PfxProtector => dataProtection.CreateProtector(PfxPurpose);

    /// <summary>
    /// Issues a certificate whose subject names the signer (CN = name, serialNumber = NIP, title = jabatan, O = the
    /// regency) and returns it with its new private key. Built with X500DistinguishedNameBuilder: a jabatan has commas.
    /// </summary>
    public async Task<X509Certificate2> IssueAsync(SignerIdentity signer, CancellationToken ct = default)
    {
        var authority = await GetAsync(ct);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("ID");
        name.AddOrganizationName("Pemerintah Kabupaten Belu");
        name.Add("2.5.4.12", Trim(signer.Position, 64), UniversalTagNumber.UTF8String);
        if (!string.IsNullOrWhiteSpace(signer.Nip))
        {
            name.Add("2.5.4.5", signer.Nip, UniversalTagNumber.PrintableString);
        }
        name.AddCommonName(Trim(signer.Name, 64));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var now = time.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(authority, now.AddMinutes(-5), Min(now.AddYears(options.Value.CertificateYears), authority.NotAfter), serial);
        return issued.CopyWithPrivateKey(key);
    }

    private async Task<X509Certificate2> LoadOrCreateAsync(CancellationToken ct)
    {
        var protector = dataProtection.CreateProtector(KeyPurpose);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Set<SigningAuthority>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == SigningAuthority.SingletonId, ct);
        if (stored is null)
        {
            var (created, row) = Create(protector);
            db.Set<SigningAuthority>().Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogWarning("Created the regency signing CA {Subject}. Its key is sealed by DataProtection: back up the key-encryption certificate with the database.", row.Subject);
                return created;
            }
            catch (DbUpdateException)
            {
                // Another instance created it first: use theirs, so every certificate chains to one CA.
                created.Dispose();
                db.ChangeTracker.Clear();
                stored = await db.Set<SigningAuthority>().AsNoTracking().SingleAsync(a => a.Id == SigningAuthority.SingletonId, ct);
            }
        }
        var certificate = X509CertificateLoader.LoadCertificate(stored.Certificate);
        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey(protector.Unprotect(stored.ProtectedKey), out _);
        using (certificate)
        {
            return certificate.CopyWithPrivateKey(key);
        }
    }

    private (X509Certificate2 Certificate, SigningAuthority Row) Create(IDataProtector protector)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("ID");
        name.AddOrganizationName("Pemerintah Kabupaten Belu");
        name.AddCommonName(options.Value.AuthorityName);
        using var key = RSA.Create(3072);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        // Self-signed certificates come back holding their key already.
        var selfSigned = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(20));
        var row = new SigningAuthority
        {
            Subject = selfSigned.Subject,
            Certificate = selfSigned.RawData,
            ProtectedKey = protector.Protect(key.ExportPkcs8PrivateKey()),
            CreatedAtUtc = now.UtcDateTime,
        };
        return (selfSigned, row);
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    private static DateTimeOffset Min(DateTimeOffset a, DateTime b) => a < new DateTimeOffset(b.ToUniversalTime()) ? a : new DateTimeOffset(b.ToUniversalTime());
}
