using Belu.Portal.Processes;

namespace Belu.Portal.Bench.Rush;

/// <summary>
/// The portal for the rush: environment Production with the operator's appsettings.json beside the build, on the given
/// database, with the limits the benchmark needs raised; its log goes to portal.log in the run's folder.
/// </summary>
internal sealed class PortalHost : IAsyncDisposable
{
    private readonly StreamWriter _log;
    private readonly PortalProcess _process;

    public PortalHost(string root, string provider, string connectionString)
    {
        Root = root;
        _log = new StreamWriter(Path.Combine(root, "portal.log")) { AutoFlush = true };
        _process = new PortalProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Portal"] = connectionString,
            ["Storage__Root"] = Path.Combine(root, "storage"),
            ["DataProtection__CertificatePath"] = Path.Combine(root, "keys", "dataprotection.pfx"),
            ["Demo__Seed"] = "true",
            ["Demo__Password"] = RushSeed.Password,
            // Thousands of check-ins a second from one loopback address: the per-address limits would refuse them.
            ["RateLimits__LoginPerMinute"] = "1000000",
            ["RateLimits__DevicePerMinute"] = "100000000",
            // One punch a second per person counts, so a person's repeated punches at different seconds are all stored.
            ["Attendance__DuplicateWindowSeconds"] = "1",
            // Each web check-in has its cookie checked, as on a real morning, where a check-in is the person's first
            // request in hours (a cookie is checked when its last check is older than this interval).
            ["Accounts__SessionCheckInterval"] = "00:00:00",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
        }, PortalProcess.PortalDirectory, _log.WriteLine);
    }

    public string Root { get; }

    public Dictionary<string, string> Environment => _process.Environment;

    public string BaseUrl => _process.BaseUrl;

    public int? ProcessId => _process.ProcessId;

    public TimeSpan CpuTime() => _process.CpuTime();

    public async Task StartAsync(TimeSpan timeout)
    {
        try
        {
            await _process.StartAsync(timeout);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message}; see {Path.Combine(Root, "portal.log")}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _log.DisposeAsync();
    }

    public static int FreePort() => PortalProcess.FreePort();
}
