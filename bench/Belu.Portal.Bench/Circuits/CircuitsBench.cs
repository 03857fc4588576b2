using System.Diagnostics;
using System.Globalization;
using Belu.Portal.Bench.Common;
using Belu.Portal.Bench.Push;
using Microsoft.Playwright;

namespace Belu.Portal.Bench.Circuits;

/// <summary>
/// Memory per Blazor Server circuit: opens K monitoring boards (a regency display token) and then K letter inboxes
/// (a Pimpinan's /surat/masuk) in headless Chromium, a batch at a time, and measures the portal process before and
/// after each kind: resident set (VmRSS) and the GC heap after a full collection induced over EventPipe.
///   circuits [--boards 100] [--inbox 100] [--batch 10] [--protocol [--hold seconds]]
/// With --protocol the circuits are opened by the protocol-level client of 'users' instead (<see cref="ProtocolCircuits"/>),
/// so a thousand live circuits fit on the machine beside the portal.
/// </summary>
internal static class CircuitsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--protocol"))
        {
            return await ProtocolCircuits.RunAsync(Option(args, "--boards", 500), Option(args, "--inbox", 500), Math.Max(1, Option(args, "--batch", 20)), Option(args, "--hold", 0));
        }
        var boards = Option(args, "--boards", 100);
        var inboxes = Option(args, "--inbox", 100);
        var batch = Math.Max(1, Option(args, "--batch", 10));
        Console.WriteLine($"circuits: {boards} board pages and {inboxes} inbox pages in headless Chromium, {batch} at a time");

        await using var portal = new BenchPortal();
        await portal.StartAsync();
        var secret = await portal.CreateDisplayTokenAsync("Layar uji sirkuit");
        var leader = await portal.SignInAsync("pimpinan");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BenchChromium.ExecutablePath,
            // Tabs of one site share a few renderer processes, so a few hundred pages fit beside the portal.
            Args = [.. BenchChromium.Arguments, "--renderer-process-limit=8"],
            Headless = true,
        });
        var boardContext = await NewContextAsync(browser, portal.BaseUrl, 1920, 1080);
        await (await boardContext.NewPageAsync()).GotoAsync($"/monitor/masuk/{secret}"); // the screen's cookie, on that first page
        var inboxContext = await NewContextAsync(browser, portal.BaseUrl, 1366, 768);
        await inboxContext.AddCookiesAsync(leader.GetAllCookies().Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = portal.BaseUrl,
            HttpOnly = c.HttpOnly,
        }));

        Task<IPage> OpenBoardAsync() => OpenAsync(boardContext, "/monitor", "[data-board=live][data-circuit=ready]");
        Task<IPage> OpenInboxAsync() => OpenAsync(inboxContext, "/surat/masuk", "[data-circuit=ready] [data-testid=letter-table] td[data-label=Agenda]");

        // Warm-up: the first pages of each kind load assemblies, JIT the components and fill caches; they stay open
        // and are part of the baseline.
        var warm = new List<IPage> { await OpenBoardAsync(), await OpenBoardAsync(), await OpenInboxAsync(), await OpenInboxAsync() };
        var baseline = await MeasureAsync(portal, "baseline (4 warm-up pages open)");

        var boardPages = await OpenManyAsync(boards, batch, OpenBoardAsync);
        var afterBoards = await MeasureAsync(portal, $"+{boards} board circuits");
        var inboxPages = await OpenManyAsync(inboxes, batch, OpenInboxAsync);
        var afterInbox = await MeasureAsync(portal, $"+{inboxes} inbox circuits");

        var failures = await CheckStillLiveAsync(boardPages, [.. inboxPages, .. warm]);

        Console.WriteLine();
        Console.WriteLine("| circuits | working set (VmRSS) per circuit | GC heap after full GC per circuit | live (promoted) bytes per circuit | circuits per GiB (heap) | circuits per GiB (RSS) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        PerCircuit($"board (/monitor, regency token) × {boards}", baseline, afterBoards, boards, "circuits.board");
        PerCircuit($"inbox (/surat/masuk, Pimpinan) × {inboxes}", afterBoards, afterInbox, inboxes, "circuits.inbox");
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Still live: every board's clock has moved on, every other page is still interactive; the count of those that are not.</summary>
    private static async Task<int> CheckStillLiveAsync(List<IPage> boardPages, List<IPage> otherPages)
    {
        var stale = 0;
        foreach (var page in boardPages)
        {
            var before = await page.Locator("[data-board-clock]").InnerTextAsync();
            if (!await ChangesAsync(page, "[data-board-clock]", before))
            {
                stale++;
            }
        }
        var notReady = 0;
        foreach (var page in otherPages)
        {
            notReady += await page.Locator("[data-circuit=ready]").CountAsync() == 0 ? 1 : 0;
        }
        Console.WriteLine($"check: {boardPages.Count - stale}/{boardPages.Count} boards still ticking; {otherPages.Count - notReady}/{otherPages.Count} other pages interactive");
        return stale + notReady;
    }

    internal sealed record Reading(long RssKiB, GcHeapReading Heap);

    internal static async Task<Reading> MeasureAsync(BenchPortal portal, string label)
    {
        // Let the pages' first renders, data loads and queued batches settle before the collection.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var heap = await GcHeapProbe.ReadAsync(portal.ProcessId);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var rss = portal.ResidentKiB();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-34} VmRSS {rss / 1024.0,8:0.0} MiB   GC heap {heap.HeapBytes / 1048576.0,7:0.0} MiB   live {heap.PromotedBytes / 1048576.0,7:0.0} MiB"));
        return new Reading(rss, heap);
    }

    internal static void PerCircuit(string label, Reading before, Reading after, int count, string? key = null)
    {
        if (count == 0)
        {
            return;
        }
        var rssKiB = (after.RssKiB - before.RssKiB) / (double)count;
        var heapKiB = (after.Heap.HeapBytes - before.Heap.HeapBytes) / 1024.0 / count;
        var liveKiB = (after.Heap.PromotedBytes - before.Heap.PromotedBytes) / 1024.0 / count;
        if (key is not null)
        {
            BenchResults.Record(key + ":rss", rssKiB, "KiB", $"{count} circuits: {label}");
            BenchResults.Record(key + ":heap", heapKiB, "KiB", $"live (promoted) {liveKiB:0} KiB");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {rssKiB:0} KiB | {heapKiB:0} KiB | {liveKiB:0} KiB | {1048576 / Math.Max(1, heapKiB):N0} | {1048576 / Math.Max(1, rssKiB):N0} |"));
    }

    /// <summary>Opens <paramref name="count"/> circuits (Chromium pages or protocol-level clients), <paramref name="batch"/> at a time.</summary>
    internal static async Task<List<T>> OpenManyAsync<T>(int count, int batch, Func<Task<T>> open)
    {
        var pages = new List<T>();
        var watch = Stopwatch.StartNew();
        while (pages.Count < count)
        {
            var n = Math.Min(batch, count - pages.Count);
            pages.AddRange(await Task.WhenAll(Enumerable.Range(0, n).Select(_ => open())));
        }
        Console.WriteLine($"  {count} interactive after {watch.Elapsed.TotalSeconds:0} s");
        return pages;
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string path, string ready)
    {
        // On a loaded machine a page can miss the two-minute timeout; it is closed (its circuit goes with it) and
        // opened again, so the count of circuits stays exact.
        for (var attempt = 1; ; attempt++)
        {
            var page = await context.NewPageAsync();
            try
            {
                await page.GotoAsync(path);
                // Rendered interactively: the attribute flips from "prerender" to "ready" only once the circuit is up.
                await page.Locator(ready).First.WaitForAsync();
                return page;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                Console.WriteLine($"  {path} did not become interactive in time; retrying");
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            }
        }
    }

    private static async Task<bool> ChangesAsync(IPage page, string selector, string before)
    {
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(100);
            if (await page.Locator(selector).InnerTextAsync() != before)
            {
                return true;
            }
        }
        return false;
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        });
        context.SetDefaultTimeout(120_000);
        return context;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
