using System.Collections.Concurrent;
using System.Diagnostics;
using Belu.Portal.Features.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Belu.Portal.Bench.Push;

/// <summary>Who listens during the push benchmark: hub clients on the display tokens' cookies, and board pages in Chromium.</summary>
internal sealed class PushListeners : IAsyncDisposable
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

    private readonly HubConnection[] _connections;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private PushListeners(int clients)
    {
        Received = new ConcurrentQueue<(Guid EventId, string Text, DateTime AtUtc, DateTime ReceivedUtc)>[clients];
        _connections = new HubConnection[clients];
    }

    /// <summary>What each hub client received, with the instant its handler ran.</summary>
    public ConcurrentQueue<(Guid EventId, string Text, DateTime AtUtc, DateTime ReceivedUtc)>[] Received { get; }

    public List<IPage> Pages { get; } = [];

    public static async Task<PushListeners> OpenAsync(BenchPortal portal, List<string> secrets, PushOptions options)
    {
        var listeners = new PushListeners(options.Clients);
        await listeners.ConnectHubClientsAsync(portal, secrets);
        await listeners.OpenBoardsAsync(portal, secrets, options.Boards);
        return listeners;
    }

    /// <summary>One cookie per token, shared by many connections (a screen's cookie is not tied to a connection).</summary>
    private async Task ConnectHubClientsAsync(BenchPortal portal, List<string> secrets)
    {
        var cookies = new List<System.Net.CookieContainer>();
        foreach (var secret in secrets)
        {
            cookies.Add(await portal.RedeemDisplayTokenAsync(secret));
        }
        var connecting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Received.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var queue = Received[i] = new();
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
            _connections[i] = connection;
        });
        Console.WriteLine($"  {Received.Length} hub connections up in {connecting.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Board pages in headless Chromium, each with its own token's cookie.</summary>
    private async Task OpenBoardsAsync(BenchPortal portal, List<string> secrets, int boards)
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BenchChromium.ExecutablePath,
            Args = BenchChromium.Arguments,
            Headless = true,
        });
        for (var b = 0; b < boards; b++)
        {
            var context = await _browser.NewContextAsync(new BrowserNewContextOptions
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
            Pages.Add(page);
        }
        Console.WriteLine($"  {boards} board pages live");
    }

    /// <summary>Forgets what arrived so far (the warm-up's events).</summary>
    public async Task ForgetAsync()
    {
        foreach (var queue in Received)
        {
            queue.Clear();
        }
        foreach (var page in Pages)
        {
            await page.EvaluateAsync("() => { window.__beluSeen = []; }");
        }
    }

    /// <summary>Waits for stragglers: until every client has every event, or 15 s of nothing new.</summary>
    public async Task WaitForStragglersAsync(int events)
    {
        var lastTotal = -1L;
        var quietSince = Stopwatch.StartNew();
        while (quietSince.Elapsed < TimeSpan.FromSeconds(15))
        {
            var total = Received.Sum(q => (long)q.Count);
            if (total >= (long)Received.Length * events)
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
    }

    /// <summary>
    /// The first board at 1920×1080 as the run leaves it, once the demo's own long lines (the passed deadlines the
    /// deadline watcher announces some 20 s after start) have joined the late check-ins in its ticker.
    /// </summary>
    public async Task ScreenshotFirstBoardAsync(string path)
    {
        if (Pages.Count == 0)
        {
            return;
        }
        try
        {
            await Pages[0].Locator("[data-testid=board-ticker] .ticker-text", new() { HasTextString = "surat" }).First.WaitForAsync(new() { Timeout = 60_000 });
            await Task.Delay(1500);
        }
        catch (TimeoutException)
        {
            Console.WriteLine("  (no letter event reached the ticker within a minute)");
        }
        await Pages[0].ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Console.WriteLine($"  screenshot of the first board: {path}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
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
