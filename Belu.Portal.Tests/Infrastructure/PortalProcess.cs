using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Belu.Portal.Processes;

/// <summary>
/// The portal as its own process (the Belu.Portal.dll beside the benchmark, or the one in <c>BENCH_PORTAL_DIR</c>,
/// e.g. a ReadyToRun publish) on a loopback port, configured through environment variables as an operator would: the
/// one launcher of the benchmarks (rush, push, circuits) and of the tests that kill and restart the portal. This file is
/// compiled into both projects (the benchmark links this file), so the two start the portal the same way.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly string _workingDirectory;
    private readonly Action<string> _output;
    private Process? _process;

    /// <param name="environment">Settings for this run (database, storage, limits); the port is added here.</param>
    /// <param name="workingDirectory">Where the process runs: its appsettings.json is the one that applies.</param>
    /// <param name="output">Each line the portal writes (a log file, or the console for warnings).</param>
    public PortalProcess(Dictionary<string, string> environment, string workingDirectory, Action<string> output)
    {
        Port = FreePort();
        Environment = environment;
        Environment["Urls"] = BaseUrl;
        _workingDirectory = workingDirectory;
        _output = output;
    }

    public int Port { get; }

    /// <summary>Where Belu.Portal.dll is taken from: <c>BENCH_PORTAL_DIR</c> if set, else the benchmark's own folder.</summary>
    public static string PortalDirectory =>
        System.Environment.GetEnvironmentVariable("BENCH_PORTAL_DIR") is { Length: > 0 } dir ? Path.GetFullPath(dir) : AppContext.BaseDirectory;

    /// <summary>The folder whose Belu.Portal.dll is started; <see cref="PortalDirectory"/> unless given (e.g. a publish folder).</summary>
    public string DllDirectory { get; init; } = PortalDirectory;

    public string BaseUrl => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The environment the portal runs with; printed so a reader can repeat the run by hand.</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>How long <see cref="StartAsync()"/> waits for /health (a PostgreSQL instance migrates and seeds first).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(180);

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("the portal is not running");

    /// <summary>Starts the portal and waits up to <see cref="StartTimeout"/> until /health answers.</summary>
    public Task<TimeSpan> StartAsync() => StartAsync(StartTimeout);

    /// <summary>Starts the portal and waits until /health answers (migrations and the demo seed run first).</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(DllDirectory, "Belu.Portal.dll")])
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }
        var started = Stopwatch.StartNew();
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
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
                    return started.Elapsed;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (started.Elapsed > timeout)
            {
                throw new TimeoutException($"the portal did not start within {timeout.TotalSeconds} s");
            }
            await Task.Delay(100);
        }
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output(line);
            }
        }
    }

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

    /// <summary>Ends the process at once, as a power cut or SIGKILL would; it can be started again.</summary>
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

    public async ValueTask DisposeAsync() => await KillAsync();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
