using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Belu.Portal.Bench.Users;
using Belu.Portal.Features.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Belu.Portal.Bench.Push;

/// <summary>
/// Who listens during the push benchmark: hub clients on the display tokens' cookies, board pages in Chromium, and
/// board circuits from the protocol-level client (<see cref="ProtocolCircuit"/>), which hold exactly the server side
/// of a board (its circuit, its render batches) without a browser's rendering cost, so two hundred fit beside the portal.
/// </summary>
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

    /// <summary>What each board circuit received: a measured employee's name, and when the first render batch with their line arrived.</summary>
    public ConcurrentDictionary<string, DateTime>[] CircuitSeen { get; private set; } = [];

    private readonly List<ProtocolCircuit> _circuits = [];
    private volatile string[] _names = [];

    public static async Task<PushListeners> OpenAsync(BenchPortal portal, List<string> secrets, PushOptions options)
    {
        var listeners = new PushListeners(options.Clients);
        await listeners.ConnectHubClientsAsync(portal, secrets);
        await listeners.OpenBoardsAsync(portal, secrets, options.Boards);
        await listeners.OpenBoardCircuitsAsync(portal, secrets, options.BoardCircuits);
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

    /// <summary>Board circuits at the protocol level, on the tokens' cookies in turn; each batch is searched for the measured names.</summary>
    private async Task OpenBoardCircuitsAsync(BenchPortal portal, List<string> secrets, int count)
    {
        if (count == 0)
        {
            return;
        }
        var cookies = new List<string>();
        foreach (var secret in secrets)
        {
            cookies.Add((await portal.RedeemDisplayTokenAsync(secret)).GetCookieHeader(new Uri(portal.BaseUrl)));
        }
        CircuitSeen = new ConcurrentDictionary<string, DateTime>[count];
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(2) };
        var opening = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var seen = CircuitSeen[i] = new();
            var circuit = new ProtocolCircuit(portal.BaseUrl, cookies[i % cookies.Count], []) { OnBatch = data => Look(data, seen) };
            await circuit.StartAsync(http, "/monitor", TimeSpan.FromMinutes(2));
            _circuits.Add(circuit);
        }
        Console.WriteLine($"  {count} board circuits up in {opening.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The names to look for in the board circuits' batches: the measured staff, set once the warm-up is over.</summary>
    public void LookFor(IEnumerable<string> names) => _names = [.. names.Select(n => n + " terlambat ")];

    private void Look(byte[] batch, ConcurrentDictionary<string, DateTime> seen)
    {
        var names = _names;
        if (names.Length == 0)
        {
            return;
        }
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var text = Encoding.UTF8.GetString(batch);
        foreach (var name in names)
        {
            if (!seen.ContainsKey(name) && text.Contains(name, StringComparison.Ordinal))
            {
                seen.TryAdd(name, now);
            }
        }
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
        foreach (var circuit in _circuits)
        {
            await circuit.DisposeAsync();
        }
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
