using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Belu.Portal.Tests.Integration.Platform;

/// <summary>The settings are checked when the portal starts, and the demo is seeded only when asked, into an empty database.</summary>
public class StartupSettingsTests
{
    [Theory]
    [InlineData("Office:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("RateLimits:LoginPerMinute", "0")]
    [InlineData("Database:Provider", "Oracle")]
    [InlineData("Reports:MaxConcurrentExports", "0")]
    [InlineData("RateLimits:KnownProxies:0", "bukan-alamat")]
    [InlineData("Adms:CommandAnswerMinutes", "0")]
    [InlineData("FieldCheckIn:OrphanPhotoHours", "0")]
    public void ABadSettingStopsTheStartWithAMessageNamingItsKey(string key, string value)
    {
        using var factory = new EmptyPortalFactory().WithSetting(key, value);

        var refusal = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Chain(refusal).Select(e => e.Message));
        Assert.Contains(key, messages);
        Assert.Contains("tidak valid", messages);
    }

    [Fact]
    public void TheOperatorsConfigurationSeedsNoDemo()
    {
        var file = Path.Combine(FindRepositoryRoot(), "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();

        Assert.False(demo.Seed);
        Assert.False(new DemoOptions().Seed);
    }

    [Fact]
    public async Task TheDemoSeedNeverTouchesADatabaseThatAlreadyHoldsData()
    {
        var folder = Path.Combine(Path.GetTempPath(), "belu-portal-tests", "site-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var site = $"Data Source={Path.Combine(folder, "portal.db")}";
        try
        {
            using (var firstStart = new EmptyPortalFactory().WithSetting("ConnectionStrings:Portal", site))
            {
                await using var db = firstStart.CreateDbContext();
                db.Units.Add(new Features.Organization.Unit { Name = "Dinas Uji", Code = "UJI", Kind = Features.Organization.UnitKind.Opd });
                await db.SaveChangesAsync();
            }

            using var seededStart = new PortalFactory().WithSetting("ConnectionStrings:Portal", site);
            await using (var db = seededStart.CreateDbContext())
            {
                Assert.Equal(["UJI"], await db.Units.Select(u => u.Code).ToListAsync());
                Assert.Empty(await db.Users.ToListAsync());
                Assert.Empty(await db.Employees.ToListAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Belu.Portal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Belu.Portal.sln not found above the test binaries.");
    }
}
