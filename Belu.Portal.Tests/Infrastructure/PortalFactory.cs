using System.Security.Claims;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// The real portal over a database of its own (a SQLite file in a fresh temporary folder, or a PostgreSQL database),
/// built from a <see cref="PortalSetup"/> (clock, database, demo data, Kestrel, Redis) and composed further with
/// <see cref="WithSetting"/> and <see cref="WithServices"/>. Each factory owns its database, so test classes never
/// see each other's data. The named fixtures in PortalFixtures.cs only choose a setup.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Belu#Portal2026";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "belu-portal-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly FakeTimeProvider? _fakeTime;
    private readonly PostgresTestDatabase? _postgres;

    public PortalFactory()
        : this(new PortalSetup())
    {
    }

    /// <summary>Only one public constructor: xUnit builds a class fixture through it.</summary>
    protected PortalFactory(PortalSetup setup)
    {
        Setup = setup;
        Directory.CreateDirectory(_root);
        if (setup.Clock == PortalClock.Fake)
        {
            _fakeTime = new FakeTimeProvider(FakeClock.Start);
        }
        if (setup.Database == PortalDatabase.Postgres)
        {
            _postgres = new PostgresTestDatabase();
        }
        else if (!setup.FreshDatabase)
        {
            SqliteTemplates.CopyTo(setup, DatabasePath, KeyCertificatePath);
        }
        if (setup.Kestrel)
        {
            UseKestrel(0);
        }
    }

    /// <summary>A portal of the given setup, for a test that builds its own (<c>await using var portal = ...</c>).</summary>
    public static PortalFactory Create(PortalSetup setup) => new(setup);

    public PortalSetup Setup { get; }

    public string DatabasePath => Path.Combine(_root, "portal.db");

    public string StorageRoot => Path.Combine(_root, "storage");

    /// <summary>The certificate that encrypts the cookie keys, outside the database (made at first start).</summary>
    public string KeyCertificatePath => Path.Combine(_root, "keys", "dataprotection.pfx");

    /// <summary>The fake clock the portal runs on (<see cref="PortalClock.Fake"/> only).</summary>
    public FakeTimeProvider Time => _fakeTime ?? throw new InvalidOperationException("This portal runs on the test clock, not a fake one.");

    /// <summary>The PostgreSQL database the portal runs on (<see cref="PortalDatabase.Postgres"/> only).</summary>
    public PostgresTestDatabase Database => _postgres ?? throw new InvalidOperationException("This portal runs on SQLite.");

    /// <summary>The address of the portal's Kestrel port (<see cref="PortalSetup.Kestrel"/> only); starts the portal.</summary>
    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        }
    }

    /// <summary>
    /// One more setting, keyed as in appsettings.json (<c>Office:TimeZone</c>), applied over the test defaults; set it
    /// before the portal starts (before the first client, service or server address is asked for).
    /// </summary>
    public PortalFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Services added or replaced after the portal's own (a fake, a test-only endpoint); before the portal starts.</summary>
    public PortalFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Sets the fake clock to a local (WITA) time of the start day or later; never backwards.</summary>
    public void SetLocal(DateOnly day, int hour, int minute, int second = 0)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)), TestClock.Wita);
        Time.SetUtcNow(target.ToUniversalTime());
    }

    public Task InitializeAsync() => _postgres?.CreateAsync() ?? Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DropAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Setup.Production ? "Production" : "Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.UseSetting("DataProtection:CertificatePath", KeyCertificatePath);
        builder.UseSetting("Demo:Seed", Setup.SeedDemo ? "true" : "false");
        builder.UseSetting("Demo:Password", Password);
        // Signed demo letters would enrol the Kepala Dinas and take the first numbers the signing tests count on; the
        // seed's own test switches them on.
        builder.UseSetting("Demo:SignedLetters", "false");
        // Production refuses a configured start instant; the fake clock stands in for it there.
        builder.UseSetting("Clock:StartsAt", Setup.Production ? "" : TestClock.Setting);
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in many times from one address; the limiter's own tests set a low limit.
        builder.UseSetting("RateLimits:LoginPerMinute", "10000");
        // The morning digest and reminders would reach every demo employee on any clock move past 07:00 and add bell
        // items other tests do not expect; their own tests switch them on.
        builder.UseSetting("Reminders:Enabled", "false");
        if (Setup.Kestrel)
        {
            builder.UseSetting("Urls", "http://127.0.0.1:0");
        }
        if (_postgres is not null)
        {
            _postgres.Apply(builder);
        }
        if (Setup.Redis is string redis)
        {
            builder.UseSetting("Redis:ConnectionString", redis);
        }
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestRemoteAddress>());
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_fakeTime is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(_fakeTime);
                // The WAL checkpoint is file upkeep every real second, not office time: on the fake clock, which stands
                // still between a test's moves, the log would grow unchecked.
                services.AddSingleton(sp => new WalCheckpointer(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
                    TimeProvider.System, sp.GetRequiredService<ILogger<WalCheckpointer>>()));
            });
        }
        foreach (var configure in _services)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>A fresh context on the portal's database, for arranging and checking data.</summary>
    public PortalDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    /// <summary>
    /// A DI scope acting as the given user, as a Blazor circuit would: services resolved from it see that user
    /// as <see cref="CurrentUser"/>.
    /// </summary>
    public async Task<AsyncServiceScope> ScopeForAsync(string userName)
    {
        var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal, "127.0.0.1");
        return scope;
    }

    /// <summary>A scope with nobody signed in.</summary>
    public AsyncServiceScope AnonymousScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity()));
        return scope;
    }

    /// <summary>A client that does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing request; the temp folder is cleaned by the OS.
            }
        }
    }
}
