using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using System.Security.Cryptography.X509Certificates;
using Belu.Portal.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Data;

/// <summary>
/// The certificate that encrypts the DataProtection keys (the keys that sign cookies) before they are stored in the
/// database (section "DataProtection"). It lives in a file outside the database and its backups, so a copy of the
/// database alone cannot mint a cookie. Created on first start when the file is missing.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "DataProtection";

    /// <summary>PKCS#12 file with the certificate and its private key; relative to the configuration's folder.</summary>
    public string CertificatePath { get; set; } = "keys/dataprotection.pfx";

    /// <summary>Optional password of the file.</summary>
    public string? CertificatePassword { get; set; }
}

internal sealed class KeyEncryptionCertificate(IConfiguration configuration, ILogger<KeyEncryptionCertificate> logger)
{
    private readonly Lazy<X509Certificate2> _certificate = new(() => LoadOrCreate(configuration, logger));

    public X509Certificate2 Certificate => _certificate.Value;

    private static X509Certificate2 LoadOrCreate(IConfiguration configuration, ILogger logger)
    {
        var options = configuration.GetSection(KeyEncryptionOptions.Section).Get<KeyEncryptionOptions>() ?? new();
        var path = PortalConfiguration.ResolvePath(configuration, options.CertificatePath);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=Belu.Portal DataProtection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            // Long-lived on purpose: it only wraps keys and is never shown to a browser.
            using var created = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(30), DateTimeOffset.UnixEpoch.AddYears(130));
            File.WriteAllBytes(path, created.Export(X509ContentType.Pfx, options.CertificatePassword));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            logger.LogWarning("Created the key-encryption certificate {Path}. Back it up apart from the database: without it no one stays signed in after a restore.", path);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
    }
}

internal static class KeyEncryption
{
    /// <summary>Encrypts new keys with the certificate; stored keys name <see cref="CertificateKeyDecryptor"/>, which needs it.</summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<KeyEncryptionCertificate>();
        builder.Services.AddOptions<KeyManagementOptions>().Configure<KeyEncryptionCertificate>(
            (options, key) => options.XmlEncryptor = new CertificateKeyEncryptor(key));
        return builder;
    }

    /// <summary>
    /// Keys stored before encryption was introduced are readable by anyone holding a backup: they are deleted at start,
    /// before the key ring is first read, so they sign nothing any more (people sign in once more).
    /// </summary>
    public static async Task<int> DeleteUnencryptedKeysAsync(PortalDbContext db, CancellationToken ct = default) =>
        await db.DataProtectionKeys
            .Where(k => k.Xml != null && k.Xml.StartsWith("<key") && !k.Xml.Contains("encryptedSecret"))
            .ExecuteDeleteAsync(ct);
}

/// <summary>
/// A key's secret under AES-256-GCM with a fresh key, that key wrapped with the certificate's RSA key (OAEP-SHA256).
/// Written by hand because the framework's certificate decryption options are not public.
/// </summary>
internal sealed class CertificateKeyEncryptor(KeyEncryptionCertificate key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var certificate = key.Certificate;
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var contentKey = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(contentKey, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }
        using var rsa = certificate.GetRSAPublicKey()!;
        var element = new XElement("certificateEncrypted",
            new XAttribute("thumbprint", certificate.Thumbprint),
            new XElement("key", Convert.ToBase64String(rsa.Encrypt(contentKey, RSAEncryptionPadding.OaepSHA256))),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(CertificateKeyDecryptor));
    }
}

/// <summary>Opens what <see cref="CertificateKeyEncryptor"/> wrote; without the certificate file nothing opens.</summary>
internal sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = (services.GetService<KeyEncryptionCertificate>()
            ?? throw new CryptographicException("The key-encryption certificate is not configured.")).Certificate;
        if (!string.Equals((string?)encryptedElement.Attribute("thumbprint"), certificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
        {
            throw new CryptographicException("This key was encrypted with another certificate than DataProtection:CertificatePath.");
        }
        byte[] Read(string name) => Convert.FromBase64String((string)encryptedElement.Element(name)!);
        using var rsa = certificate.GetRSAPrivateKey()!;
        var contentKey = rsa.Decrypt(Read("key"), RSAEncryptionPadding.OaepSHA256);
        var ciphertext = Read("value");
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(contentKey, 16))
        {
            aes.Decrypt(Read("nonce"), ciphertext, Read("tag"), plaintext);
        }
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
