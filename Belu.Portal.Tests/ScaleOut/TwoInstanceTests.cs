using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Belu.Portal.Data;
using Belu.Portal.Data.Postgres;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Browser;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.ScaleOut;

/// <summary>
/// Two portal processes on two loopback ports behind no balancer at all, sharing one PostgreSQL database, one Redis
/// and one storage folder, as several instances of a site would. Instance A migrates and seeds; B starts on the result.
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed class TwoInstanceFixture : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "belu-shared-storage-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public RedisServer Redis { get; } = new();

    public TestPortalProcess A { get; private set; } = default!;

    public TestPortalProcess B { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Redis.InitializeAsync(), _database.CreateAsync(), Chromium.EnsureInstalledAsync());
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Portal"] = _database.ConnectionString,
            ["Redis__ConnectionString"] = Redis.ConnectionString,
            ["Storage__Root"] = _storage,
            // Both instances read the cookie keys from one database, so they share the certificate that encrypts them.
            ["DataProtection__CertificatePath"] = _storage + "-keys/dataprotection.pfx",
        };
        A = new TestPortalProcess(environment, TimeSpan.FromMinutes(3));
        await A.StartAsync();
        B = new TestPortalProcess(environment, TimeSpan.FromMinutes(3));
        await B.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments,
            Headless = true,
        });
    }

    /// <summary>A context on the shared database, for arranging and checking data as an operator would.</summary>
    public PortalDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PostgresDatabase.Configure(options, _database.ConnectionString);
        return new PostgresPortalDbContext(options.Options);
    }

    public async Task<IPage> NewPageAsync(TestPortalProcess instance)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = instance.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (B is not null)
        {
            await B.DisposeAsync();
        }
        if (A is not null)
        {
            await A.DisposeAsync();
        }
        await Redis.DisposeAsync();
        await _database.DropAsync();
        if (Directory.Exists(_storage))
        {
            Directory.Delete(_storage, recursive: true);
        }
    }
}

[Trait("Category", "ScaleOut")]
public class TwoInstanceTests(TwoInstanceFixture fixture) : IClassFixture<TwoInstanceFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static async Task<CookieContainer> SignInAsync(TestPortalProcess instance, string userName)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(instance.BaseUrl) };
        await client.SignInAsync(userName);
        return cookies;
    }

    private static async Task<(HubConnection Connection, Channel<T> Received)> ConnectAsync<T>(TestPortalProcess instance, CookieContainer cookies, string method)
    {
        var received = Channel.CreateUnbounded<T>();
        var connection = new HubConnectionBuilder()
            .WithUrl(instance.BaseUrl + "/hubs/notifications", o => o.Cookies = cookies)
            .Build();
        connection.On<T>(method, m => received.Writer.TryWrite(m));
        await connection.StartSubscribedAsync();
        return (connection, received);
    }

    /// <summary>A display token for the board, stored as the admin page stores one (only the secret's SHA-256).</summary>
    private async Task<string> DisplayTokenAsync(int opdId)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var db = fixture.CreateDbContext();
        db.DisplayTokens.Add(new DisplayToken
        {
            Name = "Layar uji dua instans",
            TokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))),
            OpdIds = opdId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAtUtc = TestClock.Start.UtcDateTime,
            CreatedBy = "admin",
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>The first message that matches; others (the demo site is alive: check-ins, deadlines) are skipped.</summary>
    private static async Task<T> FirstAsync<T>(Channel<T> channel, Func<T, bool> match)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var item = await channel.Reader.ReadAsync(timeout.Token);
            if (match(item))
            {
                return item;
            }
        }
    }

    [Fact]
    public async Task ACookieIssuedByInstanceAIsAcceptedByInstanceB()
    {
        // Cookies are scoped to the host, not the port: the same container carries A's cookie to B, as a browser behind a balancer would.
        var cookies = await SignInAsync(fixture.A, "pegawai");
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.B.BaseUrl) };
        var page = await onB.GetAsync("/surat/disposisi-saya");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.B.BaseUrl) };
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/surat/disposisi-saya")).StatusCode);
    }

    [Fact]
    public async Task ADispositionMadeOnInstanceAReachesTheRecipientAndTheBoardOnInstanceB()
    {
        int recipient, kominfo;
        string href, agendaNumber, boardWords;
        await using (var db = fixture.CreateDbContext())
        {
            var leader = await db.Users.Where(u => u.UserName == "pimpinan").Select(u => u.EmployeeId!.Value).SingleAsync();
            recipient = await db.Users.Where(u => u.UserName == "kabid.aptika").Select(u => u.EmployeeId!.Value).SingleAsync();
            kominfo = await db.Units.Where(u => u.Code == "DISKOMINFO").Select(u => u.Id).SingleAsync();
            var letter = await db.IncomingLetters
                .Where(l => l.AddresseeId == leader && l.Progress == LetterState.BelumDidisposisi && l.Security == SecurityClass.Biasa)
                .OrderByDescending(l => l.ReceivedDate).FirstAsync();
            href = $"/surat/{letter.Id}";
            agendaNumber = letter.AgendaNumber;
            // The board says what a person would: the subject in a few words, not the agenda number.
            boardWords = LetterDisposed.Shorten(letter.Subject, 60);
        }

        // The recipient and a board listen on B, the recipient with the cookie A issued.
        var (inbox, notifications) = await ConnectAsync<LiveNotification>(fixture.B, await SignInAsync(fixture.A, "kabid.aptika"), "notification");
        await using var inboxConnection = inbox;
        var secret = await DisplayTokenAsync(kominfo);
        var boardCookies = new CookieContainer();
        using (var screen = new HttpClient(new HttpClientHandler { CookieContainer = boardCookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.B.BaseUrl) })
        {
            Assert.Equal("/monitor", (await screen.PostDisplaySignInAsync(secret)).Headers.Location!.OriginalString);
        }
        var (board, boardEvents) = await ConnectAsync<BoardEvent>(fixture.B, boardCookies, "event");
        await using var boardConnection = board;
        var wall = await fixture.NewPageAsync(fixture.B);
        await wall.GotoAsync($"/monitor/masuk/{secret}");
        await wall.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();

        // The leader disposes the letter in a browser on A.
        var leaderPage = await fixture.NewPageAsync(fixture.A);
        var leaderPages = new LetterPages(leaderPage);
        await leaderPages.SignInAsync("pimpinan");
        await leaderPages.OpenLetterAsync(href);
        await leaderPages.StartDisposingAsync(recipient, "Tindak Lanjuti", TestClock.Today.AddDays(5),
            "Disposisi lewat instans A.");
        await leaderPage.ClickAsync("[data-testid=disposition-submit]");
        await leaderPage.Locator("[data-testid=disposition] [data-status=Baru]").WaitForAsync();

        var notification = await FirstAsync(notifications, n => n.Text.Contains(agendaNumber, StringComparison.Ordinal));
        Assert.StartsWith("Disposisi dari", notification.Text);
        var boardEvent = await FirstAsync(boardEvents, e => e.Text.Contains(boardWords, StringComparison.Ordinal));
        Assert.Equal(kominfo, boardEvent.OpdId);
        await Assertions.Expect(wall.Locator("[data-testid=board-ticker]")).ToContainTextAsync(boardWords, new() { Timeout = 20_000 });
        await wall.ScreenshotAsync("papan-instans-b");
    }
}
