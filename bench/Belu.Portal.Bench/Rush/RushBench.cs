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
/// The steps of a run are in <see cref="RushRun"/>; here are its options, the answers' readers, sign-in and the report.
/// </summary>
internal static partial class RushBench
{
    public const string Usage =
        "rush [--rates 100,500,2000] [--seconds 15] [--employees 5000] [--web-users 1000] [--providers sqlite,postgres]\n" +
        "       [--paths baseline,device,web] [--pg \"<connection string>\"] [--connections 256] [--out figures.md]\n" +
        "       [--warmup-seconds 30] [--warmup-rate 300]\n" +
        "       morning rush: device and web check-ins against a portal process, beside a bare Kestrel+SQLite baseline";

    internal sealed record Options(int[] Rates, int Seconds, int Employees, int WebUsers, string[] Providers, string[] Paths,
        string? PostgresConnection, int Connections, string? Out, int WarmupSeconds, int WarmupRate);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        await using var run = await RushRun.StartAsync(options);
        foreach (var provider in options.Providers)
        {
            await run.MeasureProviderAsync(provider);
        }
        return await run.FinishAsync();
    }

    internal static Ack ReadDevice(HttpResponseMessage response, string body)
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

    /// <summary>
    /// Where the device punches start: today 06:30 WITA (on time, as in a real morning) once that is past; before dawn,
    /// today's first minute. Never yesterday: the day before is closed at start-up, and a closed day parks machine
    /// punches for review instead of accepting them. The schedule of <see cref="RushSeed"/> opens the window all day.
    /// </summary>
    internal static DateTimeOffset MorningBase()
    {
        var wita = TimeSpan.FromHours(8);
        var now = TimeProvider.System.GetUtcNow().ToOffset(wita);
        var midnight = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, wita);
        var morning = midnight.AddHours(6.5);
        return now - morning > TimeSpan.FromMinutes(15) ? morning : midnight.AddMinutes(1);
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

    internal static void Report(RunFigures r) =>
        Console.WriteLine($"  {r.Path,-8} {r.Provider,-8} {r.TargetRate,5}/s: {r.Achieved,7:0.0}/s  p50 {r.P50,7:0.0}  p95 {r.P95,7:0.0}  p99 {r.P99,7:0.0} ms" +
            $"  errors {r.Errors}  acknowledged {r.Acknowledged}  duplicates {r.Duplicates}  stored {r.Stored}  lost {r.Lost}" +
            (r.CpuMsPerRequest is double cpu ? $"  portal CPU {cpu:0.00} ms/request" : "") + Environment.NewLine +
            $"           p99 per second: {string.Join(" ", r.PerSecondP99.Select(p => p.ToString("0", CultureInfo.InvariantCulture)))} ms");

    internal static string Table(List<RunFigures> results)
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
