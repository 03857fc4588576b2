using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Belu.Portal.Bench.Push;

/// <summary>
/// Push latency: hub clients and real board pages in Chromium listen while late check-ins are punched through the
/// device endpoint at a steady rate; every client timestamps every event it receives.
///   push [--clients 500] [--boards 3] [--tokens 5] [--rate 5] [--events 250]
///
/// Anchor: each late check-in event carries AtUtc, which the portal sets right after the punch's transaction commits
/// (PunchRecorder), before it stores the notifications and fans the event out. Latency is receipt (the hub client's
/// handler, or the ticker line appearing in the page's DOM) minus that instant, all on one machine and one clock.
/// </summary>
internal static class PushBench
{
    private const string BoardObserver = """
        () => {
          window.__beluSeen = [];
          const seen = new Set([...document.querySelectorAll('[data-testid=board-ticker] .ticker-text')].map(e => e.textContent));
          new MutationObserver(() => {
            const at = performance.timeOrigin + performance.now();
            for (const el of document.querySelectorAll('[data-testid=board-ticker] .ticker-text')) {
              const text = el.textContent;
              if (!seen.has(text)) { seen.add(text); window.__beluSeen.push([text, at]); }
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Option(args, "--clients", 500);
        var boards = Option(args, "--boards", 3);
        var tokens = Math.Max(1, Option(args, "--tokens", 5));
        var rate = Math.Max(0.1, Option(args, "--rate", 5.0));
        var wanted = Option(args, "--events", 250);
        var screenshot = Array.IndexOf(args, "--screenshot") is var s and >= 0 && s + 1 < args.Length ? args[s + 1] : null;

        Console.WriteLine($"push: {clients} hub clients over {tokens} regency display tokens, {boards} board pages in Chromium, {wanted} late check-ins at {rate} per second");
        await using var portal = new BenchPortal();
        await portal.StartAsync();

        // Arrange, as an administrator would: regency-wide display tokens, a JSON device key, and for today a
        // schedule override (everyone, every weekday, work from 00:00) so that any punch today is a late check-in
        // whatever the weekday and hour the benchmark runs at. The events themselves take the real path.
        var secrets = new List<string>();
        for (var i = 0; i < tokens; i++)
        {
            secrets.Add(await portal.CreateDisplayTokenAsync($"Layar uji beban {i + 1}"));
        }
        var deviceKey = await portal.CreateDeviceKeyAsync("Mesin uji beban");
        var employees = await ArrangeLateDayAsync(portal, wanted + 5);
        if (employees.Count < wanted + 5)
        {
            Console.WriteLine($"  only {employees.Count} employees can check in late today; raising {employees.Count - 5} events");
            wanted = employees.Count - 5;
        }
        var warmup = employees.Take(5).ToList();
        var measured = employees.Skip(5).Take(wanted).ToList();
        var byText = new ConcurrentDictionary<string, Staff>();

        // Hub clients: one cookie per token, shared by many connections (a screen's cookie is not tied to a connection).
        var cookies = new List<System.Net.CookieContainer>();
        foreach (var secret in secrets)
        {
            cookies.Add(await portal.RedeemDisplayTokenAsync(secret));
        }
        var received = new ConcurrentQueue<(Guid EventId, string Text, DateTime AtUtc, DateTime ReceivedUtc)>[clients];
        var connections = new HubConnection[clients];
        var connecting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var queue = received[i] = new();
            var connection = new HubConnectionBuilder()
                .WithUrl(portal.BaseUrl + "/hubs/notifications", o =>
                {
                    o.Cookies = cookies[i % cookies.Count];
                    o.Transports = HttpTransportType.WebSockets;
                })
                .Build();
            connection.On<BoardEvent>("event", e =>
            {
                var now = DateTime.UtcNow;
                queue.Enqueue((e.EventId, e.Text, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc), now));
            });
            await connection.StartAsync(ct);
            connections[i] = connection;
        });
        Console.WriteLine($"  {clients} hub connections up in {connecting.Elapsed.TotalSeconds:0.0} s");

        // Board pages in headless Chromium, each with its own token's cookie.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BenchChromium.ExecutablePath,
            Args = BenchChromium.Arguments,
            Headless = true,
        });
        var pages = new List<IPage>();
        for (var b = 0; b < boards; b++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = portal.BaseUrl,
                ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
                Locale = "id-ID",
                TimezoneId = "Asia/Makassar",
            });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/monitor/masuk/{secrets[b % secrets.Count]}");
            await page.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();
            await page.EvaluateAsync(BoardObserver);
            pages.Add(page);
        }
        Console.WriteLine($"  {boards} board pages live");

        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Device-Key", deviceKey);

        // Warm-up: a few events to JIT the path; not counted.
        foreach (var member in warmup)
        {
            await PunchAsync(http, member);
        }
        await Task.Delay(3000);
        foreach (var queue in received)
        {
            queue.Clear();
        }
        foreach (var page in pages)
        {
            await page.EvaluateAsync("() => { window.__beluSeen = []; }");
        }

        // The steady rate: punch i is sent at start + i / rate, whether or not earlier ones have been answered.
        Console.WriteLine($"  raising {measured.Count} events at {rate}/s ...");
        var cpuBefore = portal.CpuTime();
        var run = Stopwatch.StartNew();
        var acks = new ConcurrentDictionary<int, (DateTime SentUtc, DateTime AckUtc, bool Ok)>();
        var sends = new List<Task>();
        for (var i = 0; i < measured.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - run.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var member = measured[i];
            sends.Add(Task.Run(async () =>
            {
                var sent = DateTime.UtcNow;
                var ok = await PunchAsync(http, member);
                acks[member.Id] = (sent, DateTime.UtcNow, ok);
            }));
        }
        await Task.WhenAll(sends);
        var raisingSeconds = run.Elapsed.TotalSeconds;

        // Wait for stragglers: until every client has every event, or 15 s of nothing new.
        var expectedNames = measured.ToDictionary(m => m.Name);
        var lastTotal = -1L;
        var quietSince = Stopwatch.StartNew();
        while (quietSince.Elapsed < TimeSpan.FromSeconds(15))
        {
            var total = received.Sum(q => (long)q.Count);
            if (total >= (long)clients * measured.Count)
            {
                break;
            }
            if (total != lastTotal)
            {
                lastTotal = total;
                quietSince.Restart();
            }
            await Task.Delay(250);
        }
        await Task.Delay(2500); // the boards redraw at most once a second
        var cpu = portal.CpuTime() - cpuBefore;
        if (screenshot is not null && pages.Count > 0)
        {
            // The first board at 1920×1080 as the run leaves it, once the demo's own long lines (the passed deadlines
            // the deadline watcher announces some 20 s after start) have joined the late check-ins in its ticker.
            try
            {
                await pages[0].Locator("[data-testid=board-ticker] .ticker-text", new() { HasTextString = "surat" }).First.WaitForAsync(new() { Timeout = 60_000 });
                await Task.Delay(1500);
            }
            catch (TimeoutException)
            {
                Console.WriteLine("  (no letter event reached the ticker within a minute)");
            }
            await pages[0].ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
            Console.WriteLine($"  screenshot of the first board: {screenshot}");
        }
        var wall = run.Elapsed;

        // Hub clients: latency over every (client, event) pair of the measured punches.
        var events = new Dictionary<Guid, (string Text, DateTime AtUtc)>();
        var hubLatencies = new List<double>();
        var hubFromAck = new List<double>();
        foreach (var queue in received)
        {
            foreach (var (eventId, text, atUtc, receivedUtc) in queue)
            {
                if (NameOf(text) is not string name || !expectedNames.TryGetValue(name, out var member))
                {
                    continue; // the demo site's own events
                }
                events[eventId] = (text, atUtc);
                hubLatencies.Add((receivedUtc - atUtc).TotalMilliseconds);
                if (acks.TryGetValue(member.Id, out var ack))
                {
                    hubFromAck.Add((receivedUtc - ack.AckUtc).TotalMilliseconds);
                }
            }
        }
        var accepted = acks.Count(a => a.Value.Ok);
        var raised = events.Count;
        var hubMissed = (long)clients * raised - hubLatencies.Count;

        // Board pages: the instant the line appeared in the ticker's DOM.
        var atByText = events.Values.GroupBy(e => e.Text).ToDictionary(g => g.Key, g => g.First().AtUtc);
        var boardLatencies = new List<double>();
        var boardMissed = 0;
        foreach (var page in pages)
        {
            var seen = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__beluSeen");
            var seenTexts = new HashSet<string>();
            foreach (var item in seen.EnumerateArray())
            {
                var text = item[0].GetString()!;
                var atMs = item[1].GetDouble();
                if (atByText.TryGetValue(text, out var atUtc) && seenTexts.Add(text))
                {
                    boardLatencies.Add(atMs - (atUtc - DateTime.UnixEpoch).TotalMilliseconds);
                }
            }
            boardMissed += atByText.Keys.Count(t => !seenTexts.Contains(t));
        }

        var ackLatencies = acks.Values.Where(a => a.Ok).Select(a => (a.AckUtc - a.SentUtc).TotalMilliseconds).ToList();
        Console.WriteLine();
        Console.WriteLine($"punches sent {measured.Count}, accepted {accepted}, late events raised {raised} in {raisingSeconds:0.0} s ({raised / raisingSeconds:0.0}/s)");
        Console.WriteLine($"portal CPU during the run: {cpu.TotalSeconds:0.0} s over {wall.TotalSeconds:0.0} s wall ({cpu.TotalSeconds / wall.TotalSeconds * 100:0}% of one core); load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine("| measured | pairs | p50 ms | p95 ms | p99 ms | max ms | missed |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Row($"hub clients ({clients}), commit → handler", hubLatencies, hubMissed);
        Row($"board pages ({boards}), commit → ticker line in DOM", boardLatencies, boardMissed);
        Row("hub clients, HTTP ack → handler (for comparison)", hubFromAck, 0);
        Row("punch request → HTTP ack", ackLatencies, measured.Count - accepted);

        foreach (var connection in connections)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
        return 0;
    }

    private static void Row(string label, List<double> values, long missed)
    {
        if (values.Count == 0)
        {
            Console.WriteLine($"| {label} | 0 | – | – | – | – | {missed} |");
            return;
        }
        values.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {values.Count:N0} | {Percentile(values, 50):0} | {Percentile(values, 95):0} | {Percentile(values, 99):0} | {values[^1]:0} | {missed} |"));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>"Name terlambat N menit (masuk HH:mm)" → Name.</summary>
    private static string? NameOf(string text)
    {
        var at = text.IndexOf(" terlambat ", StringComparison.Ordinal);
        return at > 0 ? text[..at] : null;
    }

    private static async Task<bool> PunchAsync(HttpClient http, Staff member)
    {
        var local = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var response = await http.PostAsJsonAsync("/api/absensi/punches", new[]
        {
            new { pin = member.Nip, timestamp = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) },
        });
        return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accepted").GetInt32() == 1;
    }

    internal sealed record Staff(int Id, string Name, string Nip);

    /// <summary>
    /// Today's schedule override and the employees who can check in late today: active staff with an NIP and a
    /// unique name, no punch yet today and no approved request covering today.
    /// </summary>
    private static async Task<List<Staff>> ArrangeLateDayAsync(BenchPortal portal, int count)
    {
        var witaToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await using var db = portal.CreateDbContext();
        var schedule = new WorkSchedule
        {
            Name = "Jadwal uji beban (hari ini, mulai 00.00)",
            From = witaToday,
            To = witaToday,
            CheckInFrom = new TimeOnly(0, 0),
            CheckInUntil = new TimeOnly(23, 58),
            CheckOutUntil = new TimeOnly(23, 59, 59),
        };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            schedule.Days.Add(new WorkScheduleDay { DayOfWeek = day, Start = new TimeOnly(0, 0), End = new TimeOnly(23, 59) });
        }
        db.WorkSchedules.Add(schedule);
        if (await db.Holidays.AnyAsync(h => h.Date == witaToday))
        {
            throw new InvalidOperationException("today is a holiday in the demo calendar: no late check-ins are raised");
        }
        await db.SaveChangesAsync();

        var startUtc = witaToday.ToDateTime(TimeOnly.MinValue).AddHours(-8);
        var punched = await db.Punches.Where(p => p.AtUtc >= startUtc).Select(p => p.EmployeeId).Distinct().ToListAsync();
        var excused = await db.AttendanceRequests.Where(r => r.Status == RequestStatus.Disetujui && r.From <= witaToday && r.To >= witaToday)
            .Select(r => r.EmployeeId).ToListAsync();
        var staff = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && e.EmploymentType != EmploymentType.PejabatNegara && e.Nip != null)
            .Select(e => new Staff(e.Id, e.Name, e.Nip!)).ToListAsync();
        return staff.Where(s => !punched.Contains(s.Id) && !excused.Contains(s.Id))
            .GroupBy(s => s.Name).Where(g => g.Count() == 1).Select(g => g.Single())
            .OrderBy(s => s.Id).Take(count).ToList();
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static double Option(string[] args, string name, double fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>Debian's Chromium, as the browser tests launch it; never a downloaded browser.</summary>
internal static class BenchChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
    ];
}
