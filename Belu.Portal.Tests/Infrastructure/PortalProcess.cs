using System.Diagnostics;
using System.Globalization;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// The portal as its own OS process (the built Belu.Portal.dll), for what an in-process host cannot show:
/// being killed and started again on the same database and port.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "belu-process-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _environment;
    private Process? _process;

    public PortalProcess(IDictionary<string, string>? extraEnvironment = null)
    {
        Directory.CreateDirectory(_root);
        Port = Packages.FreePort();
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = BaseUrl,
            ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(_root, "portal.db")}",
            ["Storage__Root"] = Path.Combine(_root, "storage"),
            ["DataProtection__CertificatePath"] = Path.Combine(_root, "keys", "dataprotection.pfx"),
            // The demo is off unless asked for; the journeys in a separate process sign in to its accounts.
            ["Demo__Seed"] = "true",
            ["Demo__Password"] = PortalFactory.Password,
            ["Clock__StartsAt"] = TestClock.Setting,
            ["RateLimits__LoginPerMinute"] = "10000",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    public int Port { get; }

    /// <summary>How long a start may take before the test gives up (a PostgreSQL instance migrates and seeds first).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(180);

    public string BaseUrl => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public string DatabasePath => Path.Combine(_root, "portal.db");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Belu.Portal.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            Assert.False(_process.HasExited, $"the portal exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"the portal did not start within {StartTimeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Ends the process at once, as a power cut or SIGKILL would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }
}
