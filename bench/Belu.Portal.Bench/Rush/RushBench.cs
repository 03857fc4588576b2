using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Belu.Portal.Bench.Rush;

/// <summary>
/// Benchmark 1, "morning rush": virtual employees check in through the device endpoint and the web check-in endpoint
/// of a running portal at fixed target rates, beside a bare Kestrel + SQLite baseline driven the same way. Reports
/// throughput, latency percentiles, errors, and proves from the database that every acknowledged punch is stored.
/// </summary>
internal static partial class RushBench
{
    public const string Usage =
        "rush [--rates 100,500,2000] [--seconds 15] [--employees 5000] [--web-users 1000] [--providers sqlite,postgres]\n" +
        "       [--paths baseline,device,web] [--pg \"<connection string>\"] [--connections 256] [--out figures.md]\n" +
        "       [--warmup-seconds 30] [--warmup-rate 300]\n" +
        "       morning rush: device and web check-ins against a portal process, beside a bare Kestrel+SQLite baseline";

    private sealed record Options(int[] Rates, int Seconds, int Employees, int WebUsers, string[] Providers, string[] Paths,
        string? PostgresConnection, int Connections, string? Out, int WarmupSeconds, int WarmupRate);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        var root = Path.Combine(Path.GetTempPath(), "belu-rush-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        Console.WriteLine($"rush: rates {string.Join("/", options.Rates)} per s, {options.Seconds} s each, {options.Employees} device employees, " +
            $"{options.WebUsers} web accounts, providers {string.Join(",", options.Providers)}, paths {string.Join(",", options.Paths)}; work folder {root}");

        var results = new List<RunFigures>();
        var nips = Enumerable.Range(0, options.Employees).Select(RushSeed.Nip).ToArray();
        var punchBase = MorningBase();
        Console.WriteLine($"device punches are stamped from {punchBase:yyyy-MM-dd HH:mm:ss zzz} on (WITA), one second apart per employee");

        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpMessageInvoker(handler);
        var timeout = TimeSpan.FromSeconds(30);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);

        BaselineServer? baseline = null;
        if (options.Paths.Contains("baseline"))
        {
            var byPin = nips.Select((nip, i) => (nip, i)).ToDictionary(x => x.nip, x => x.i + 1);
            baseline = await BaselineServer.StartAsync(Path.Combine(root, "baseline.db"), byPin);
        }
        var baselineCounter = 0;
        var baselineDone = new HashSet<int>();

        try
        {
            foreach (var provider in options.Providers)
            {
                LocalPostgres? postgres = null;
                string providerName, connectionString;
                if (provider == "postgres")
                {
                    providerName = "Postgres";
                    if (options.PostgresConnection is { } given)
                    {
                        connectionString = given;
                    }
                    else
                    {
                        postgres = new LocalPostgres();
                        await postgres.StartAsync();
                        connectionString = postgres.ConnectionString("belu_rush");
                    }
                }
                else
                {
                    providerName = "Sqlite";
                    connectionString = $"Data Source={Path.Combine(root, "portal.db")}";
                }
                try
                {
                    var folder = Path.Combine(root, provider);
                    Directory.CreateDirectory(folder);
                    await using var portal = new PortalHost(folder, providerName, connectionString);
                    Console.WriteLine($"[{provider}] starting the portal (migrations and demo seed) on {portal.BaseUrl} ...");
                    await portal.StartAsync(TimeSpan.FromMinutes(5));
                    Console.WriteLine($"[{provider}] portal process {portal.ProcessId} is up; seeding {options.Employees} + {options.WebUsers} employees ...");
                    var people = await RushSeed.SeedAsync(providerName, connectionString, options.Employees,
                        options.Paths.Contains("web") ? options.WebUsers : 0);

                    string[] cookies = [];
                    if (options.Paths.Contains("web"))
                    {
                        Console.WriteLine($"[{provider}] signing in {people.WebStaff.Count} web accounts ...");
                        cookies = await SignInAllAsync(portal.BaseUrl, people.WebStaff.Select(w => w.UserName).ToList());
                    }

                    var deviceCounter = 0;
                    var webCounter = 0;
                    HttpRequestMessage Device(string baseUrl, string path, string? key, ref int counter)
                    {
                        var c = Interlocked.Increment(ref counter) - 1;
                        var at = punchBase.AddSeconds(c / nips.Length);
                        var body = $"[{{\"pin\":\"{nips[c % nips.Length]}\",\"timestamp\":\"{at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}\"}}]";
                        var message = new HttpRequestMessage(HttpMethod.Post, baseUrl + path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                        if (key is not null)
                        {
                            message.Headers.Add("X-Device-Key", key);
                        }
                        return message;
                    }
                    HttpRequestMessage Web()
                    {
                        var c = Interlocked.Increment(ref webCounter) - 1;
                        var message = new HttpRequestMessage(HttpMethod.Post, portal.BaseUrl + "/api/absensi/hadir") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                        message.Headers.Add("Cookie", cookies[c % cookies.Length]);
                        return message;
                    }

                    // One measured run against the portal: its CPU per answered request, and the punches of the path's unit
                    // counted in the database before and after.
                    async Task PortalRunAsync(string path, int rate, int unitId, Func<int, HttpRequestMessage> request, Func<HttpResponseMessage, string, Ack> read)
                    {
                        var before = await RushSeed.CountPunchesAsync(providerName, connectionString, unitId);
                        var cpu = portal.CpuTime();
                        var run = await OpenLoop.RunAsync(path, providerName, client, rate, duration, request, read, timeout);
                        run.CpuMsPerRequest = (portal.CpuTime() - cpu).TotalMilliseconds / Math.Max(1, run.Ok);
                        run.Stored = await RushSeed.CountPunchesAsync(providerName, connectionString, unitId) - before;
                        Report(run);
                        results.Add(run);
                    }

                    // Warm-up (not reported): JIT, connection pools, SQLite page cache.
                    Console.WriteLine($"[{provider}] warming up ...");
                    if (baseline is not null && baselineDone.Count == 0)
                    {
                        await OpenLoop.RunAsync("warm", "Sqlite", client, options.WarmupRate, warmup, _ => Device(baseline.BaseUrl, "/punch", null, ref baselineCounter), ReadDevice, timeout);
                    }
                    if (options.Paths.Contains("device"))
                    {
                        await OpenLoop.RunAsync("warm", provider, client, options.WarmupRate, warmup, _ => Device(portal.BaseUrl, "/api/absensi/punches", people.DeviceKey, ref deviceCounter), ReadDevice, timeout);
                    }
                    if (options.Paths.Contains("web"))
                    {
                        await OpenLoop.RunAsync("warm", provider, client, options.WarmupRate, warmup, _ => Web(), ReadWeb, timeout);
                    }

                    foreach (var rate in options.Rates)
                    {
                        if (baseline is not null && baselineDone.Add(rate))
                        {
                            var before = await baseline.CountAsync();
                            var run = await OpenLoop.RunAsync("baseline", "Sqlite", client, rate, duration, _ => Device(baseline.BaseUrl, "/punch", null, ref baselineCounter), ReadDevice, timeout);
                            run.Stored = await baseline.CountAsync() - before;
                            Report(run);
                            results.Add(run);
                        }
                        if (options.Paths.Contains("device"))
                        {
                            await PortalRunAsync("device", rate, people.DeviceUnitId,
                                _ => Device(portal.BaseUrl, "/api/absensi/punches", people.DeviceKey, ref deviceCounter), ReadDevice);
                        }
                        if (options.Paths.Contains("web"))
                        {
                            await PortalRunAsync("web", rate, people.WebUnitId, _ => Web(), ReadWeb);
                        }
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
        }
        finally
        {
            if (baseline is not null)
            {
                await baseline.DisposeAsync();
            }
        }

        foreach (var run in results.Where(r => r.Path != "baseline"))
        {
            var reference = results.FirstOrDefault(b => b.Path == "baseline" && b.TargetRate == run.TargetRate);
            run.Ratio = reference is { Achieved: > 0 } ? run.Achieved / reference.Achieved : null;
        }
        var table = Table(results);
        Console.WriteLine();
        Console.WriteLine(table);
        foreach (var run in results.Where(r => r.FirstError is not null))
        {
            Console.WriteLine($"first error of {run.Path}/{run.Provider}/{run.TargetRate}: {run.FirstError}");
        }
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, table);
        }
        try
        {
            Directory.Delete(root, true);
        }
        catch (IOException)
        {
            // A file still held by a closing process; the folder is in the temp directory.
        }
        return results.Any(r => r.Lost > 0) ? 1 : 0;
    }

    private static Ack ReadDevice(HttpResponseMessage response, string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new Ack(root.GetProperty("rejected").GetInt32() == 0, root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicated").GetInt32());
    }

    internal static Ack ReadWeb(HttpResponseMessage response, string body)
    {
        using var json = JsonDocument.Parse(body);
        var recorded = json.RootElement.GetProperty("recorded").GetBoolean();
        return new Ack(true, recorded ? 1 : 0, recorded ? 0 : 1);
    }

    /// <summary>Today 06:30 WITA (before 07:30: on time, as in a real morning), or yesterday's when that is not yet past.</summary>
    private static DateTimeOffset MorningBase()
    {
        var wita = TimeSpan.FromHours(8);
        var now = DateTimeOffset.UtcNow.ToOffset(wita);
        var today = new DateTimeOffset(now.Year, now.Month, now.Day, 6, 30, 0, wita);
        return now - today > TimeSpan.FromMinutes(15) ? today : today.AddDays(-1);
    }

    internal static async Task<string[]> SignInAllAsync(string baseUrl, IReadOnlyList<string> userNames)
    {
        var cookies = new string[userNames.Count];
        using var gate = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount));
        await Task.WhenAll(userNames.Select(async (userName, i) =>
        {
            await gate.WaitAsync();
            try
            {
                cookies[i] = await SignInAsync(baseUrl, userName);
            }
            finally
            {
                gate.Release();
            }
        }));
        return cookies;
    }

    private static async Task<string> SignInAsync(string baseUrl, string userName)
    {
        var jar = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var form = await http.GetStringAsync("/akun/masuk");
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var response = await http.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Login"] = userName,
            ["Input.Password"] = RushSeed.Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {userName} failed: {(int)response.StatusCode}");
        }
        return jar.GetCookieHeader(new Uri(baseUrl));
    }

    private static void Report(RunFigures r) =>
        Console.WriteLine($"  {r.Path,-8} {r.Provider,-8} {r.TargetRate,5}/s: {r.Achieved,7:0.0}/s  p50 {r.P50,7:0.0}  p95 {r.P95,7:0.0}  p99 {r.P99,7:0.0} ms" +
            $"  errors {r.Errors}  acknowledged {r.Acknowledged}  duplicates {r.Duplicates}  stored {r.Stored}  lost {r.Lost}" +
            (r.CpuMsPerRequest is double cpu ? $"  portal CPU {cpu:0.00} ms/request" : "") + Environment.NewLine +
            $"           p99 per second: {string.Join(" ", r.PerSecondP99.Select(p => p.ToString("0", CultureInfo.InvariantCulture)))} ms");

    private static string Table(List<RunFigures> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| path | database | target/s | achieved/s | p50 ms | p95 ms | p99 ms | max ms | errors | acknowledged | duplicates | stored | lost | portal/baseline |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results.OrderBy(r => r.TargetRate).ThenBy(r => r.Path == "baseline" ? 0 : 1).ThenBy(r => r.Provider).ThenBy(r => r.Path))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Path} | {r.Provider} | {r.TargetRate} | {r.Achieved:0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.Max:0} | {r.Errors} | {r.Acknowledged} | {r.Duplicates} | {r.Stored} | {r.Lost} | {(r.Ratio is double q ? $"{q:P0}" : "—")} |"));
        }
        return text.ToString();
    }

    private static Options Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        string[] List(string name, string fallback) => (Value(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Options(
            List("--rates", "100,500,2000").Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray(),
            int.Parse(Value("--seconds") ?? "15", CultureInfo.InvariantCulture),
            int.Parse(Value("--employees") ?? "5000", CultureInfo.InvariantCulture),
            int.Parse(Value("--web-users") ?? "1000", CultureInfo.InvariantCulture),
            List("--providers", "sqlite").Select(p => p.ToLowerInvariant()).ToArray(),
            List("--paths", "baseline,device,web").Select(p => p.ToLowerInvariant()).ToArray(),
            Value("--pg"),
            int.Parse(Value("--connections") ?? "256", CultureInfo.InvariantCulture),
            Value("--out"),
            int.Parse(Value("--warmup-seconds") ?? "30", CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup-rate") ?? "300", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
