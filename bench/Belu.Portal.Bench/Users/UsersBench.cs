using System.Diagnostics;
using System.Globalization;
using Belu.Portal.Bench.Circuits;
using Belu.Portal.Bench.Push;

namespace Belu.Portal.Bench.Users;

/// <summary>
/// Concurrent interactive users on one portal: N real Blazor Server circuits on the incoming letter list
/// (/surat/masuk), opened by a protocol-level client (<see cref="ProtocolCircuit"/>) a few dozen a second, each
/// clicking every interval, staggered, for a measured window. The click switches the list's box between "Semua" and
/// "Belum dibaca" (a chip), so the server queries the letters again and renders the table: the UI round-trip is from
/// the click sent to the render batch that shows the list. Exits non-zero if a circuit did not start or a click went
/// unanswered.
/// </summary>
internal static class UsersBench
{
    public const string Usage =
        "users [--users 2000] [--interval 10] [--seconds 120] [--ramp 10] [--control chips|toggle] [--quick]   interactive users: circuits clicking, UI round-trip";

    private static readonly string[] Accounts = ["pimpinan", "agendaris", "pegawai", "sekretaris", "kabid.ikp", "kabid.aptika", "kabid.sandi"];
    private const double GoalMs = 250;
    private const string PagePath = "/surat/masuk";

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var users = Option(args, "--users", quick ? 200 : 2000);
        var interval = TimeSpan.FromSeconds(Option(args, "--interval", 10));
        var window = TimeSpan.FromSeconds(Option(args, "--seconds", quick ? 30 : 120));
        // About ten circuits a second is what this 2-core machine opens (the prerendered GET and the first interactive
        // render each query the letters); a faster ramp only queues them.
        var ramp = Math.Max(1, Option(args, "--ramp", quick ? 20 : 10));
        // chips: the list is queried again (the everyday click); toggle: the filter panel's fold button, a render
        // without a query, to tell the framework's share of the round-trip from the database's.
        var toggle = args.Contains("--control") && args[Array.IndexOf(args, "--control") + 1] == "toggle";
        string[] labels = toggle ? ["Filter"] : ["Belum dibaca", "Semua"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"users: {users} circuits on {PagePath}, {ramp}/s ramp, a click every {interval.TotalSeconds:0} s on [{string.Join(", ", labels)}], {window.TotalSeconds:0} s measured"));

        await using var portal = new BenchPortal("Production");
        await portal.StartAsync();
        var cookies = await SignInAsync(portal);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(2) };

        // Ramp: circuit i starts at i / ramp seconds; each waits up to five minutes to become interactive.
        var circuits = new ProtocolCircuit?[users];
        var startErrors = new List<string>();
        var opening = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromSeconds(i / (double)ramp));
            var circuit = new ProtocolCircuit(portal.BaseUrl, cookies[i % cookies.Count], labels)
            {
                Trace = i == 0 && args.Contains("--trace") ? line => Console.WriteLine("  trace> " + line) : null,
            };
            try
            {
                await circuit.StartAsync(http, PagePath, TimeSpan.FromMinutes(5));
                circuits[i] = circuit;
            }
            catch (Exception ex)
            {
                lock (startErrors)
                {
                    startErrors.Add(ex.GetType().Name + ": " + ex.Message);
                }
                await circuit.DisposeAsync();
            }
        }));
        var live = circuits.Where(c => c is not null).Cast<ProtocolCircuit>().ToList();
        Console.WriteLine($"  {live.Count} circuits interactive after {opening.Elapsed.TotalSeconds:0} s, {startErrors.Count} failed to start");
        foreach (var error in startErrors.GroupBy(e => e.Length > 200 ? e[..200] : e).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.WriteLine($"    {error.Count()} × {error.Key}");
        }

        // Clicks run from now; the first interval is a warm-up, then the window is measured.
        var report = new UsersReport();
        var warmUpEnd = DateTime.UtcNow + interval;
        var windowEnd = warmUpEnd + window;
        var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
        var sampler = SampleAsync(portal, warmUpEnd, windowEnd);
        await Task.WhenAll(live.Select((circuit, i) => ClickLoopAsync(circuit, labels, i, live.Count, interval, warmUpEnd, windowEnd, report)));
        var (cpuCores, clientCores, peakRss) = await sampler;
        var loadAfter = File.ReadAllText("/proc/loadavg").Trim();

        GcHeapReading? heap = null;
        try
        {
            heap = await GcHeapProbe.ReadAsync(portal.ProcessId);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException)
        {
            Console.WriteLine($"  GC heap not read: {ex.Message}");
        }
        report.Print(users, startErrors.Count, interval, window, new PortalUsage(cpuCores, clientCores, peakRss, heap, loadBefore, loadAfter), GoalMs);
        await Task.WhenAll(live.Select(c => c.DisposeAsync().AsTask()));

        if (startErrors.Count > 0 || live.Count == 0)
        {
            Console.Error.WriteLine($"users: FAILED: {startErrors.Count} of {users} circuits did not start");
            return 1;
        }
        if (report.Sent == 0 || report.Missed > 0)
        {
            Console.Error.WriteLine($"users: FAILED: {report.Missed} of {report.Sent} clicks missed");
            return 1;
        }
        return 0;
    }

    /// <summary>One user: a click every interval, offset by the user's place so the clicks spread over the interval.</summary>
    private static async Task ClickLoopAsync(ProtocolCircuit circuit, string[] labels, int index, int count, TimeSpan interval,
        DateTime warmUpEnd, DateTime windowEnd, UsersReport report)
    {
        var next = DateTime.UtcNow + interval * (index / (double)count);
        for (var n = 0; next < windowEnd; n++, next += interval)
        {
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var measured = DateTime.UtcNow >= warmUpEnd;
            // A click still unanswered when the next one is due is missed: the user would have given up on it.
            var result = await circuit.ClickAsync(labels[n % labels.Length], interval);
            if (measured)
            {
                report.Add(result);
            }
        }
    }

    /// <summary>Portal and client CPU over the window, and the portal's peak resident set sampled each second.</summary>
    private static async Task<(double PortalCores, double ClientCores, long PeakRssKiB)> SampleAsync(BenchPortal portal, DateTime from, DateTime to)
    {
        var wait = from - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var self = Process.GetCurrentProcess();
        var (cpu0, client0, watch) = (portal.CpuTime(), self.TotalProcessorTime, Stopwatch.StartNew());
        long peak = 0;
        while (DateTime.UtcNow < to)
        {
            peak = Math.Max(peak, portal.ResidentKiB());
            await Task.Delay(1000);
        }
        self.Refresh();
        var seconds = watch.Elapsed.TotalSeconds;
        return ((portal.CpuTime() - cpu0).TotalSeconds / seconds, (self.TotalProcessorTime - client0).TotalSeconds / seconds, peak);
    }

    /// <summary>A cookie header per demo account that may open the letter list (a few cookies serve many circuits).</summary>
    private static async Task<List<string>> SignInAsync(BenchPortal portal)
    {
        var headers = new List<string>();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        foreach (var login in Accounts)
        {
            var header = (await portal.SignInAsync(login)).GetCookieHeader(new Uri(portal.BaseUrl));
            try
            {
                PrerenderedPage.Parse(PagePath, await GetAsync(http, portal.BaseUrl + PagePath, header));
                headers.Add(header);
            }
            catch (InvalidOperationException ex)
            {
                Console.WriteLine($"  {login}: the letter list is not open to this account ({ex.Message}); not used");
            }
        }
        Console.WriteLine($"  signed in: {headers.Count} accounts");
        return headers.Count > 0 ? headers : throw new InvalidOperationException("no demo account could open the letter list");
    }

    private static async Task<string> GetAsync(HttpClient http, string url, string cookieHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync()
            : throw new InvalidOperationException($"{(int)response.StatusCode} {response.Headers.Location}");
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
