namespace Belu.Portal.Common;

/// <summary>Office settings (section "Office").</summary>
public sealed class OfficeOptions
{
    public const string Section = "Office";

    /// <summary>IANA time zone of the office; all working-day rules are computed in it.</summary>
    public string TimeZone { get; set; } = "Asia/Makassar";

    public string RegencyName { get; set; } = "Pemerintah Kabupaten Belu";
}

/// <summary>Database settings (section "Database"; the connection string is ConnectionStrings:Portal).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string Provider { get; set; } = "Sqlite";

    /// <summary>Milliseconds SQLite waits for a competing writer before giving up.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;
}

/// <summary>Uploaded files (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for uploaded files, outside the web root. Relative paths are taken from the configuration file's folder.</summary>
    public string Root { get; set; } = "storage";

    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>Demo data (section "Demo").</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public const string DefaultPassword = "Belu#Portal2026";

    public bool Seed { get; set; } = true;

    public string Password { get; set; } = DefaultPassword;

    /// <summary>How many incoming letters the demo gives Diskominfo (the benchmarks seed 100,000 the same way).</summary>
    public int IncomingLetters { get; set; } = 260;

    /// <summary>How many outgoing letters the demo registers for Diskominfo.</summary>
    public int OutgoingLetters { get; set; } = 60;
}
