using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Processes;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Bench.Push;

/// <summary>
/// The portal as its own process, started from the Belu.Portal.dll beside the benchmark on a throwaway SQLite
/// database with the demo data, as the test suite's PortalProcess does. The operator's appsettings.json at the top
/// of the repository applies (the process runs there); environment variables override what a benchmark must change:
/// the database and storage folders, the port, the logging level, and the rate limits on sign-in and hub
/// negotiation, which would otherwise refuse hundreds of clients from one address.
/// </summary>
internal sealed partial class BenchPortal : IAsyncDisposable
{
    public const string Password = "Belu#Bench2026";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "belu-bench-" + Guid.NewGuid().ToString("N"));
    private readonly PortalProcess _process;

    /// <param name="environment">
    /// Development by default: the static web assets (Blazor's script, MudBlazor's CSS) are served from the build
    /// output through its manifest, as in the test suite; a published portal serves them from wwwroot instead. A bench
    /// whose client needs no static file (the protocol-level 'users') runs the portal as Production.
    /// </param>
    public BenchPortal(string environment = "Development")
    {
        Directory.CreateDirectory(_root);
        _process = new PortalProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ConnectionStrings__Portal"] = $"Data Source={DatabasePath}",
            ["Storage__Root"] = Path.Combine(_root, "storage"),
            ["DataProtection__CertificatePath"] = Path.Combine(_root, "keys", "dataprotection.pfx"),
            ["Demo__Seed"] = "true",
            ["Demo__Password"] = Password,
            ["RateLimits__LoginPerMinute"] = "100000",
            ["RateLimits__HubPerMinute"] = "100000",
            ["RateLimits__DevicePerMinute"] = "1000000",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        }, FindRepositoryRoot(PortalProcess.PortalDirectory) ?? PortalProcess.PortalDirectory, Echo);
    }

    public int Port => _process.Port;

    public string BaseUrl => _process.BaseUrl;

    public string DatabasePath => Path.Combine(_root, "portal.db");

    public int ProcessId => _process.ProcessId;

    /// <summary>The environment the portal runs with; printed so a reader can repeat the run by hand.</summary>
    public Dictionary<string, string> Environment => _process.Environment;

    public async Task StartAsync()
    {
        var took = await _process.StartAsync(TimeSpan.FromMinutes(5));
        Console.WriteLine($"portal: pid {ProcessId}, {BaseUrl}, up after {took.TotalSeconds:0.0} s (migrations and demo seed)");
    }

    private static void Echo(string line)
    {
        // Warnings and errors only (the level is set above); the demo banner lines are dropped.
        if (!string.IsNullOrWhiteSpace(line) && (line.Contains("warn", StringComparison.Ordinal) || line.Contains("fail", StringComparison.Ordinal) || line.Contains("crit", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine("  portal> " + line);
        }
    }

    private static string? FindRepositoryRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Belu.Portal.sln")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>A context on the portal's database, for arranging data as an operator would (the portal keeps running).</summary>
    public PortalDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={DatabasePath};Default Timeout=30").Options);

    /// <summary>
    /// A display token stored as the admin page (/admin/layar) stores one: only the secret's SHA-256.
    /// No OPD: the whole regency, so the screen hears of every event.
    /// </summary>
    public async Task<string> CreateDisplayTokenAsync(string name, int? opdId = null)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var db = CreateDbContext();
        db.DisplayTokens.Add(new DisplayToken
        {
            Name = name,
            TokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))),
            OpdIds = opdId?.ToString(CultureInfo.InvariantCulture),
            CreatedAtUtc = DateTime.UtcNow,
            CreatedBy = "admin",
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>A JSON attendance device for the whole regency, its API key stored hashed as the admin page does.</summary>
    public async Task<string> CreateDeviceKeyAsync(string name)
    {
        var key = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        await using var db = CreateDbContext();
        db.AttendanceDevices.Add(new AttendanceDevice
        {
            Name = name,
            Kind = DeviceKind.Api,
            KeyHash = Belu.Portal.Features.Attendance.Devices.DeviceIngestService.HashKey(key),
            KeyHint = key[..10],
            CreatedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>A cookie container signed in as a screen: GET /monitor/masuk/{token}, then the page's form.</summary>
    public async Task<CookieContainer> RedeemDisplayTokenAsync(string secret)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var page = await client.GetStringAsync($"/monitor/masuk/{secret}");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/monitor/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["token"] = secret,
        }));
        if (response.Headers.Location?.OriginalString != "/monitor")
        {
            throw new InvalidOperationException($"the display token was refused: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return cookies;
    }

    /// <summary>A cookie container signed in through the real login form (antiforgery token and all).</summary>
    public async Task<CookieContainer> SignInAsync(string login)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var form = await client.GetStringAsync("/akun/masuk");
        var token = TokenPattern().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Login"] = login,
            ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {login} failed: {(int)response.StatusCode}");
        }
        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The portal's resident set (VmRSS) in KiB, from /proc.</summary>
    public long ResidentKiB() => _process.ResidentKiB();

    /// <summary>Busy CPU time of the portal process so far (user + system).</summary>
    public TimeSpan CpuTime() => _process.CpuTime();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held; the temp folder is cleaned by the system.
        }
    }
}
