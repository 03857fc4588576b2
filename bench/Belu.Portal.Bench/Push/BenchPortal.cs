using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Monitoring;
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
    private Process? _process;

    public BenchPortal()
    {
        Directory.CreateDirectory(_root);
        Port = FreePort();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public string DatabasePath => Path.Combine(_root, "portal.db");

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("the portal is not running");

    /// <summary>The environment the portal runs with; printed so a reader can repeat the run by hand.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public async Task StartAsync()
    {
        var directory = AppContext.BaseDirectory;
        var repository = FindRepositoryRoot(directory);
        // Development: the static web assets (Blazor's script, MudBlazor's CSS) are served from the build output
        // through its manifest, as in the test suite; a published portal serves them from wwwroot instead.
        Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        Environment["Urls"] = BaseUrl;
        Environment["ConnectionStrings__Portal"] = $"Data Source={DatabasePath}";
        Environment["Storage__Root"] = Path.Combine(_root, "storage");
        Environment["Demo__Seed"] = "true";
        Environment["Demo__Password"] = Password;
        Environment["RateLimits__LoginPerMinute"] = "100000";
        Environment["RateLimits__HubPerMinute"] = "100000";
        Environment["RateLimits__DevicePerMinute"] = "1000000";
        Environment["Logging__Console__FormatterName"] = "simple";
        Environment["Logging__LogLevel__Default"] = "Warning";
        Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";

        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Belu.Portal.dll")])
        {
            WorkingDirectory = repository ?? directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }
        var started = Stopwatch.StartNew();
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Echo(e.Data);
        _process.ErrorDataReceived += (_, e) => Echo(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the portal exited with {_process.ExitCode}");
            }
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (started.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("the portal did not start within 5 minutes");
            }
            await Task.Delay(100);
        }
        Console.WriteLine($"portal: pid {_process.Id}, {BaseUrl}, up after {started.Elapsed.TotalSeconds:0.0} s (migrations and demo seed)");
    }

    private static void Echo(string? line)
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

    /// <summary>A cookie container signed in as a screen through GET /monitor/masuk/{token}.</summary>
    public async Task<CookieContainer> RedeemDisplayTokenAsync(string secret)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var response = await client.GetAsync($"/monitor/masuk/{secret}");
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
    public long ResidentKiB()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException("VmRSS not found");
    }

    /// <summary>Busy CPU time of the portal process so far (user + system), from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{ProcessId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted from the state field (3) here.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
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
