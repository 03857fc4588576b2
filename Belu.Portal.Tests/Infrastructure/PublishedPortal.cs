using System.Diagnostics;
using Belu.Portal.Processes;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// Belu.Portal as an operator runs it (README, "Running it in production"): published with <c>dotnet publish -c
/// Release</c> into a folder beside the test binaries, once per test run, and started from that folder as its own process in
/// Production on a fresh SQLite database in a folder of its own.
/// </summary>
public sealed class PublishedPortal : IAsyncLifetime
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "belu-published-run-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _log = [];
    private PortalProcess? _process;

    public string BaseUrl => Process.BaseUrl;

    public PortalProcess Process => _process ?? throw new InvalidOperationException("the published portal is not started");

    /// <summary>The folder of the published build (shared by the run).</summary>
    public string Folder { get; private set; } = "";

    /// <summary>What the portal wrote (warnings and errors), for a failing test's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log.TakeLast(40));
            }
        }
    }

    public async Task InitializeAsync()
    {
        Folder = await Published.Value;
        Directory.CreateDirectory(_root);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(_root, "data", "belu-portal.db")}",
            ["Storage__Root"] = Path.Combine(_root, "storage"),
            ["DataProtection__CertificatePath"] = Path.Combine(_root, "keys", "dataprotection.pfx"),
            // The demo gives the journey its accounts; a small register keeps the first start short.
            ["Demo__Seed"] = "true",
            ["Demo__Password"] = PortalFactory.Password,
            ["Demo__IncomingLetters"] = "20",
            ["Demo__OutgoingLetters"] = "5",
            ["Demo__SignedLetters"] = "false",
            ["Reminders__Enabled"] = "false",
            // The test scrapes the metrics from loopback, as a Prometheus on the same server would.
            ["Metrics__AllowedNetworks__0"] = "127.0.0.1/32",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // Run from the published folder, as the systemd unit and the Windows service do: its appsettings.json applies.
        _process = new PortalProcess(environment, Folder, Write) { DllDirectory = Folder, StartTimeout = TimeSpan.FromMinutes(5) };
        try
        {
            await _process.StartAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The published portal did not start: {ex.Message}\n{Log}", ex);
        }
    }

    private void Write(string line)
    {
        lock (_log)
        {
            _log.Add(line);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TryDelete(_root);
    }

    private static async Task<string> PublishAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "Belu.Portal", "Belu.Portal.csproj");
        // Beside the test binaries (under bin/, ignored by git), emptied first: a run leaves one copy, not one per run.
        var folder = Path.Combine(AppContext.BaseDirectory, "published-portal");
        TryDelete(folder);
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", folder, "--nologo", "--disable-build-servers"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host inherits the SDK's MSBuild variables from `dotnet test`; a publish chooses its own.
        foreach (var inherited in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(inherited);
        }
        using var publish = System.Diagnostics.Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await publish.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            publish.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish did not finish within 8 minutes");
        }
        if (publish.ExitCode != 0)
        {
            var lines = ((await output) + (await error)).Split('\n');
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{string.Join('\n', lines.TakeLast(30))}");
        }
        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Belu.Portal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Belu.Portal.sln not found above " + AppContext.BaseDirectory);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still open as the run ends; the temporary folder is the system's to clean.
        }
    }
}
