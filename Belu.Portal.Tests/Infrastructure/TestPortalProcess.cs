using Belu.Portal.Processes;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// The portal as its own OS process (the built Belu.Portal.dll), for what an in-process host cannot show: being
/// killed and started again on the same database and port. Started by the launcher the benchmarks use
/// (<see cref="PortalProcess"/>), with the test suite's settings and a folder of its own.
/// </summary>
public sealed class TestPortalProcess : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "belu-process-" + Guid.NewGuid().ToString("N"));

    public TestPortalProcess(IDictionary<string, string>? extraEnvironment = null, TimeSpan? startTimeout = null)
    {
        Directory.CreateDirectory(_root);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Portal"] = $"Data Source={DatabasePath}",
            ["Storage__Root"] = Path.Combine(_root, "storage"),
            ["DataProtection__CertificatePath"] = Path.Combine(_root, "keys", "dataprotection.pfx"),
            // The demo is off unless asked for; the journeys in a separate process sign in to its accounts.
            ["Demo__Seed"] = "true",
            ["Demo__Password"] = PortalFactory.Password,
            ["Clock__StartsAt"] = TestClock.Setting,
            ["RateLimits__LoginPerMinute"] = "10000",
            // As in PortalFactory: the digest and reminders stay out of journeys that do not test them.
            ["Reminders__Enabled"] = "false",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        _fromTemplate = environment["Demo__Seed"] == "true" && !environment.ContainsKey("Database__Provider")
            && environment["ConnectionStrings__Portal"] == $"Data Source={DatabasePath}";
        _certificatePath = environment["DataProtection__CertificatePath"];
        Process = new PortalProcess(environment, AppContext.BaseDirectory, _ => { })
        {
            StartTimeout = startTimeout ?? TimeSpan.FromSeconds(180),
        };
    }

    private readonly bool _fromTemplate;

    private readonly string _certificatePath;

    public PortalProcess Process { get; }

    public string BaseUrl => Process.BaseUrl;

    public string DatabasePath => Path.Combine(_root, "portal.db");

    /// <summary>
    /// Starts the process. Its first start on the demo begins from the run's seeded template (as the in-process portals
    /// do): a separate process seeding ~300 employees' history waits minutes for the CPU while the rest of the suite
    /// runs; a restart starts from the file the process left.
    /// </summary>
    public Task StartAsync()
    {
        if (_fromTemplate && !File.Exists(DatabasePath))
        {
            SqliteTemplates.CopyTo(new PortalSetup { Clock = PortalClock.TestClock, SeedDemo = true }, DatabasePath, _certificatePath);
        }
        return Process.StartAsync();
    }

    /// <summary>Ends the process at once, as a power cut or SIGKILL would.</summary>
    public Task KillAsync() => Process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }
}
