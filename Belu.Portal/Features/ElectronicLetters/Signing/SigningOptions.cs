using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// Which service signs naskah dinas (section "Signing"): the portal's own regency CA (<c>LocalCa</c>, the default) or
/// the national BSrE service (<c>Bsre</c>), whose address and client credentials are then required.
/// docs/decisions/0020-electronic-signatures.md says which to use when.
/// </summary>
public sealed class SigningOptions : IValidatableObject
{
    public const string Section = "Signing";

    [Required(ErrorMessage = "wajib diisi: LocalCa atau Bsre.")]
    [RegularExpression("^(LocalCa|Bsre)$", ErrorMessage = "harus LocalCa atau Bsre.")]
    public string Provider { get; set; } = "LocalCa";

    /// <summary>The regency CA's common name; the subject ends in "Kabupaten Belu".</summary>
    [Required(ErrorMessage = "wajib diisi.")]
    [StringLength(120, ErrorMessage = "paling banyak 120 karakter.")]
    public string AuthorityName { get; set; } = "Otoritas Tanda Tangan Elektronik Pemerintah Kabupaten Belu";

    /// <summary>How long a signer's certificate is valid.</summary>
    [Range(1, 10, ErrorMessage = "harus 1 sampai 10 tahun.")]
    public int CertificateYears { get; set; } = 2;

    /// <summary>Shortest passphrase a signer may choose.</summary>
    [Range(8, 128, ErrorMessage = "harus 8 sampai 128 karakter.")]
    public int MinimumPassphraseLength { get; set; } = 8;

    /// <summary>Largest PDF anybody may upload to the public verification page to compare with a signed letter.</summary>
    [Range(1, 100, ErrorMessage = "harus 1 sampai 100 MB.")]
    public int VerifyUploadMaxMegabytes { get; set; } = 20;

    public BsreOptions Bsre { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != "Bsre")
        {
            yield break;
        }
        if (!Uri.TryCreate(Bsre.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("harus alamat http(s) layanan BSrE, mis. https://esign.example.go.id.", ["Bsre:BaseUrl"]);
        }
        if (string.IsNullOrWhiteSpace(Bsre.ClientId) || string.IsNullOrWhiteSpace(Bsre.ClientSecret))
        {
            yield return new ValidationResult("wajib diisi (kredensial klien dari BSrE).", ["Bsre:ClientId", "Bsre:ClientSecret"]);
        }
        if (Bsre.TimeoutSeconds is < 1 or > 300)
        {
            yield return new ValidationResult("harus 1 sampai 300 detik.", ["Bsre:TimeoutSeconds"]);
        }
    }
}

/// <summary>The BSrE signing service: its base address and the client credentials it issued to the regency (HTTP Basic).</summary>
public sealed class BsreOptions
{
    public string? BaseUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public int TimeoutSeconds { get; set; } = 60;
}
