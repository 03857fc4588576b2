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

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// The real portal over a real SQLite file in a fresh temporary folder, seeded with the demo organisation
/// unless told otherwise. Each factory owns its database, so test classes never see each other's data.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string Password = "Belu#Portal2026";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "belu-portal-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _services = [];

    public PortalFactory()
    {
        Directory.CreateDirectory(_root);
    }

    public string DatabasePath => Path.Combine(_root, "portal.db");

    public string StorageRoot => Path.Combine(_root, "storage");

    /// <summary>The certificate that encrypts the cookie keys, outside the database (made at first start).</summary>
    public string KeyCertificatePath => Path.Combine(_root, "keys", "dataprotection.pfx");

    public virtual bool SeedDemo => true;

    public virtual int LoginPerMinute => 10_000;

    /// <summary>
    /// One more setting, keyed as in appsettings.json (<c>Office:TimeZone</c>), applied over the test defaults; set it
    /// before the portal starts (before the first client, service or server address is asked for).
    /// </summary>
    public PortalFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.UseSetting("DataProtection:CertificatePath", KeyCertificatePath);
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Clock:StartsAt", TestClock.Setting);
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in many times from one address; the limiter's own test sets a low limit.
        builder.UseSetting("RateLimits:LoginPerMinute", LoginPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestRemoteAddress>());
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        foreach (var configure in _services)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>Services added or replaced after the portal's own (a fake, a test-only endpoint); before the portal starts.</summary>
    public PortalFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
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

/// <summary>A portal with an empty organisation (no demo data), for tests that build their own.</summary>
public class EmptyPortalFactory : PortalFactory
{
    public override bool SeedDemo => false;
}

/// <summary>The portal on a real Kestrel port, for Playwright and the SignalR client.</summary>
public class KestrelPortalFactory : PortalFactory
{
    public KestrelPortalFactory()
    {
        UseKestrel(0);
    }

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
    }
}
