using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Common;

/// <summary>Office settings (section "Office").</summary>
public sealed class OfficeOptions : IValidatableObject
{
    public const string Section = "Office";

    /// <summary>IANA time zone of the office; all working-day rules are computed in it.</summary>
    public string TimeZone { get; set; } = "Asia/Makassar";

    [Required(AllowEmptyStrings = false, ErrorMessage = "isi dengan nama pemerintah daerah.")]
    public string RegencyName { get; set; } = "Pemerintah Kabupaten Belu";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            yield return new ValidationResult($"zona waktu '{TimeZone}' tidak dikenal; contoh: Asia/Makassar.", [nameof(TimeZone)]);
        }
    }
}

/// <summary>Database settings (section "Database"; the connection string is ConnectionStrings:Portal).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [AllowedValues("Sqlite", "Postgres", ErrorMessage = "penyedia tidak dikenal. Gunakan 'Sqlite' atau 'Postgres'.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Milliseconds SQLite waits for a competing writer before giving up.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "harus 0 atau lebih (milidetik).")]
    public int BusyTimeoutMs { get; set; } = 5000;
}

/// <summary>Uploaded files (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for uploaded files, outside the web root. Relative paths are taken from the configuration file's folder.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "isi dengan folder tempat berkas unggahan disimpan.")]
    public string Root { get; set; } = "storage";

    [Range(1, long.MaxValue, ErrorMessage = "harus lebih dari 0 (byte).")]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>Demo data (section "Demo").</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public const string DefaultPassword = "Belu#Portal2026";

    /// <summary>Off unless asked for (the README's run command asks): a production database never gets demo people.</summary>
    public bool Seed { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "isi dengan kata sandi akun demo.")]
    public string Password { get; set; } = DefaultPassword;

    /// <summary>How many incoming letters the demo gives Diskominfo (the benchmarks seed 100,000 the same way).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "harus 0 atau lebih.")]
    public int IncomingLetters { get; set; } = 260;

    /// <summary>How many outgoing letters the demo registers for Diskominfo.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "harus 0 atau lebih.")]
    public int OutgoingLetters { get; set; } = 60;

    /// <summary>Signed naskah dinas of each kind, made through the real drafting, review and signing road.</summary>
    public bool SignedLetters { get; set; } = true;

    /// <summary>The passphrase the demo's Kepala Dinas Kominfo signs with (the demo enrols him with it).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "isi dengan passphrase tanda tangan demo.")]
    [MinLength(8, ErrorMessage = "paling sedikit 8 karakter.")]
    public string SignerPassphrase { get; set; } = DefaultSignerPassphrase;

    public const string DefaultSignerPassphrase = "Tanda#Tangan2026";
}
