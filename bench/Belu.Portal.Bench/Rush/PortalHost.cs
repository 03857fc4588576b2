using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Belu.Portal.Bench.Rush;

/// <summary>
/// The portal as its own process (the Belu.Portal.dll beside the bench), on a loopback port, with the limits the
/// benchmark needs raised through environment variables, as an operator would.
/// </summary>
internal sealed class PortalHost : IAsyncDisposable
{
    private Process? _process;

    public PortalHost(string root, string provider, string connectionString)
    {
        Root = root;
        Port = FreePort();
        Environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Urls"] = BaseUrl,
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Portal"] = connectionString,
            ["Storage__Root"] = Path.Combine(root, "storage"),
            ["Demo__Seed"] = "true",
            ["Demo__Password"] = RushSeed.Password,
            // Thousands of check-ins a second from one loopback address: the per-address limits would refuse them.
            ["RateLimits__LoginPerMinute"] = "1000000",
            ["RateLimits__DevicePerMinute"] = "100000000",
            // One punch a second per person counts, so a person's repeated punches at different seconds are all stored.
            ["Attendance__DuplicateWindowSeconds"] = "1",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    public string Root { get; }

    public int Port { get; }

    public Dictionary<string, string> Environment { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public int? ProcessId => _process?.Id;

    public async Task StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Belu.Portal.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }
        var log = new StreamWriter(Path.Combine(Root, "portal.log")) { AutoFlush = true };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the portal exited with {_process.ExitCode}; see {Path.Combine(Root, "portal.log")}");
            }
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
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the portal did not start within {timeout.TotalSeconds} s");
            }
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
