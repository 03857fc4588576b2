using Belu.Portal.Bench.Common;
using System.Globalization;
using System.Text;

namespace Belu.Portal.Bench.Rush;

/// <summary>
/// One morning-rush run, in named steps: <see cref="StartAsync"/> (the work folder, the HTTP client, the baseline),
/// <see cref="MeasureProviderAsync"/> per database (open it, start and seed the portal, sign in, warm up, measure each
/// rate), and <see cref="FinishAsync"/> (ratios to the baseline, the table, the exit code).
/// </summary>
internal sealed class RushRun : IAsyncDisposable
{
    private readonly RushBench.Options _options;
    private readonly string _root;
    private readonly string[] _nips;
    private readonly DateTimeOffset _punchBase;
    private readonly SocketsHttpHandler _handler;
    private readonly HttpMessageInvoker _client;
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private readonly TimeSpan _duration;
    private readonly TimeSpan _warmup;
    private readonly List<RunFigures> _results = [];
    private readonly HashSet<int> _baselineDone = [];
    private BaselineServer? _baseline;
    private int _baselineCounter;

    private RushRun(RushBench.Options options, string root)
    {
        _options = options;
        _root = root;
        _nips = Enumerable.Range(0, options.Employees).Select(RushSeed.Nip).ToArray();
        _punchBase = RushBench.MorningBase();
        _handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        _client = new HttpMessageInvoker(_handler);
        _duration = TimeSpan.FromSeconds(options.Seconds);
        _warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
    }

    /// <summary>Step 1: the work folder, the client, and the bare Kestrel + SQLite baseline when asked for.</summary>
    public static async Task<RushRun> StartAsync(RushBench.Options options)
    {
        var root = Path.Combine(Path.GetTempPath(), "belu-rush-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        Console.WriteLine($"rush: rates {string.Join("/", options.Rates)} per s, {options.Seconds} s each, {options.Employees} device employees, " +
            $"{options.WebUsers} web accounts, providers {string.Join(",", options.Providers)}, paths {string.Join(",", options.Paths)}; work folder {root}");
        var run = new RushRun(options, root);
        Console.WriteLine($"device punches are stamped from {run._punchBase:yyyy-MM-dd HH:mm:ss zzz} on (WITA), one second apart per employee");
        if (options.Paths.Contains("baseline"))
        {
            var byPin = run._nips.Select((nip, i) => (nip, i)).ToDictionary(x => x.nip, x => x.i + 1);
            run._baseline = await BaselineServer.StartAsync(Path.Combine(root, "baseline.db"), byPin);
        }
        return run;
    }

    /// <summary>Step 2, per database: open it, start and seed the portal, sign in, warm up, then measure every rate.</summary>
    public async Task MeasureProviderAsync(string provider)
    {
        var (providerName, connectionString, postgres) = await OpenDatabaseAsync(provider);
        try
        {
            var folder = Path.Combine(_root, provider);
            Directory.CreateDirectory(folder);
            await using var portal = new PortalHost(folder, providerName, connectionString);
            Console.WriteLine($"[{provider}] starting the portal (migrations and demo seed) on {portal.BaseUrl} ...");
            await portal.StartAsync(TimeSpan.FromMinutes(5));
            Console.WriteLine($"[{provider}] portal process {portal.ProcessId} is up; seeding {_options.Employees} + {_options.WebUsers} employees ...");
            var people = await RushSeed.SeedAsync(providerName, connectionString, _options.Employees,
                _options.Paths.Contains("web") ? _options.WebUsers : 0);
            string[] cookies = [];
            if (_options.Paths.Contains("web"))
            {
                Console.WriteLine($"[{provider}] signing in {people.WebStaff.Count} web accounts ...");
                cookies = await RushBench.SignInAllAsync(portal.BaseUrl, people.WebStaff.Select(w => w.UserName).ToList());
            }
            var target = new PortalTarget(portal, providerName, connectionString, people, cookies);
            await WarmUpAsync(provider, target);
            foreach (var rate in _options.Rates)
            {
                await MeasureRateAsync(rate, target);
            }
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    /// <summary>Step 3: the ratio of each portal run to the baseline at its rate, the table, and 1 when a punch was lost.</summary>
    public async Task<int> FinishAsync()
    {
        await StopBaselineAsync();
        foreach (var run in _results.Where(r => r.Path != "baseline"))
        {
            var reference = _results.FirstOrDefault(b => b.Path == "baseline" && b.TargetRate == run.TargetRate);
            run.Ratio = reference is { Achieved: > 0 } ? run.Achieved / reference.Achieved : null;
        }
        foreach (var run in _results)
        {
            var key = $"rush.{run.Provider.ToLowerInvariant()}.{run.Path}.{run.TargetRate}";
            BenchResults.Record(key + ":achieved", run.Achieved, "/s");
            BenchResults.Record(key + ":p99", run.P99, "ms", $"p50 {run.P50:0.0} ms, p95 {run.P95:0.0} ms");
            BenchResults.Record(key + ":lost", run.Lost + run.Errors, "", $"{run.Errors} errors, {run.Lost} acknowledged but not stored");
            if (run.Ratio is double ratio)
            {
                BenchResults.Record(key + ":ratio", ratio * 100, "%", "of the bare-insert baseline at the same rate");
            }
        }
        var table = RushBench.Table(_results);
        Console.WriteLine();
        Console.WriteLine(table);
        foreach (var run in _results.Where(r => r.FirstError is not null))
        {
            Console.WriteLine($"first error of {run.Path}/{run.Provider}/{run.TargetRate}: {run.FirstError}");
        }
        if (_options.Out is not null)
        {
            await File.WriteAllTextAsync(_options.Out, table);
        }
        try
        {
            Directory.Delete(_root, true);
        }
        catch (IOException)
        {
            // A file still held by a closing process; the folder is in the temp directory.
        }
        return _results.Any(r => r.Lost > 0) ? 1 : 0;
    }

    /// <summary>A local PostgreSQL (or the one given), or a SQLite file in the work folder.</summary>
    private async Task<(string ProviderName, string ConnectionString, LocalPostgres? Postgres)> OpenDatabaseAsync(string provider)
    {
        if (provider != "postgres")
        {
            return ("Sqlite", $"Data Source={Path.Combine(_root, "portal.db")}", null);
        }
        if (_options.PostgresConnection is { } given)
        {
            return ("Postgres", given, null);
        }
        var postgres = new LocalPostgres();
        await postgres.StartAsync();
        return ("Postgres", postgres.ConnectionString("belu_rush"), postgres);
    }

    /// <summary>Not reported: JIT, connection pools, SQLite page cache.</summary>
    private async Task WarmUpAsync(string provider, PortalTarget target)
    {
        Console.WriteLine($"[{provider}] warming up ...");
        if (_baseline is not null && _baselineDone.Count == 0)
        {
            await OpenLoop.RunAsync("warm", "Sqlite", _client, _options.WarmupRate, _warmup, _ => BaselinePunch(), RushBench.ReadDevice, _timeout);
        }
        if (_options.Paths.Contains("device"))
        {
            await OpenLoop.RunAsync("warm", provider, _client, _options.WarmupRate, _warmup, _ => target.DevicePunch(this), RushBench.ReadDevice, _timeout);
        }
        if (_options.Paths.Contains("web"))
        {
            await OpenLoop.RunAsync("warm", provider, _client, _options.WarmupRate, _warmup, _ => target.WebCheckIn(), RushBench.ReadWeb, _timeout);
        }
    }

    /// <summary>One rate: the baseline (once per rate over all databases), then the portal's device and web paths.</summary>
    private async Task MeasureRateAsync(int rate, PortalTarget target)
    {
        if (_baseline is not null && _baselineDone.Add(rate))
        {
            var before = await _baseline.CountAsync();
            var run = await OpenLoop.RunAsync("baseline", "Sqlite", _client, rate, _duration, _ => BaselinePunch(), RushBench.ReadDevice, _timeout);
            run.Stored = await _baseline.CountAsync() - before;
            Record(run);
        }
        if (_options.Paths.Contains("device"))
        {
            await MeasurePortalAsync("device", rate, target, target.People.DeviceUnitId, _ => target.DevicePunch(this), RushBench.ReadDevice);
        }
        if (_options.Paths.Contains("web"))
        {
            await MeasurePortalAsync("web", rate, target, target.People.WebUnitId, _ => target.WebCheckIn(), RushBench.ReadWeb);
        }
    }

    /// <summary>
    /// One measured run against the portal: its CPU per answered request, and the punches of the path's unit counted in
    /// the database before and after.
    /// </summary>
    private async Task MeasurePortalAsync(string path, int rate, PortalTarget target, int unitId, Func<int, HttpRequestMessage> request,
        Func<HttpResponseMessage, string, Ack> read)
    {
        var before = await RushSeed.CountPunchesAsync(target.ProviderName, target.ConnectionString, unitId);
        var cpu = target.Portal.CpuTime();
        var run = await OpenLoop.RunAsync(path, target.ProviderName, _client, rate, _duration, request, read, _timeout);
        run.CpuMsPerRequest = (target.Portal.CpuTime() - cpu).TotalMilliseconds / Math.Max(1, run.Ok);
        run.Stored = await RushSeed.CountPunchesAsync(target.ProviderName, target.ConnectionString, unitId) - before;
        Record(run);
    }

    private void Record(RunFigures run)
    {
        RushBench.Report(run);
        _results.Add(run);
    }

    private HttpRequestMessage BaselinePunch() => Punch(_baseline!.BaseUrl, "/punch", null, ref _baselineCounter);

    /// <summary>The next employee's punch, one second later each time every employee has punched.</summary>
    private HttpRequestMessage Punch(string baseUrl, string path, string? key, ref int counter)
    {
        var c = Interlocked.Increment(ref counter) - 1;
        var at = _punchBase.AddSeconds(c / _nips.Length);
        var body = $"[{{\"pin\":\"{_nips[c % _nips.Length]}\",\"timestamp\":\"{at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}\"}}]";
        var message = new HttpRequestMessage(HttpMethod.Post, baseUrl + path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            message.Headers.Add("X-Device-Key", key);
        }
        return message;
    }

    private async Task StopBaselineAsync()
    {
        if (_baseline is not null)
        {
            await _baseline.DisposeAsync();
            _baseline = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopBaselineAsync();
        _client.Dispose();
        _handler.Dispose();
    }

    /// <summary>The portal of one database, its seeded people and signed-in cookies, and its own request counters.</summary>
    private sealed class PortalTarget(PortalHost portal, string providerName, string connectionString, RushPeople people, string[] cookies)
    {
        private int _deviceCounter;
        private int _webCounter;

        public PortalHost Portal => portal;

        public string ProviderName => providerName;

        public string ConnectionString => connectionString;

        public RushPeople People => people;

        public HttpRequestMessage DevicePunch(RushRun run) => run.Punch(portal.BaseUrl, "/api/absensi/punches", people.DeviceKey, ref _deviceCounter);

        public HttpRequestMessage WebCheckIn()
        {
            var c = Interlocked.Increment(ref _webCounter) - 1;
            var message = new HttpRequestMessage(HttpMethod.Post, portal.BaseUrl + "/api/absensi/hadir") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            message.Headers.Add("Cookie", cookies[c % cookies.Length]);
            return message;
        }
    }
}
