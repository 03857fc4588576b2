using Belu.Portal.Data;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>The keys that sign cookies are stored encrypted with a certificate kept outside the database.</summary>
public class KeyEncryptionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] CookiePurpose =
        ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"];

    private async Task<string> SignInCookieAsync()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostLoginAsync("admin", PortalFactory.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("belu.auth=", StringComparison.Ordinal));
        return cookie["belu.auth=".Length..cookie.IndexOf(';')];
    }

    [Fact]
    public async Task ACopyOfTheDatabaseAloneCannotUnprotectACookie()
    {
        var cookie = await SignInCookieAsync();
        var own = new TicketDataFormat(factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose[0], CookiePurpose[1..]));
        Assert.NotNull(own.Unprotect(cookie)); // the portal itself reads it

        var copy = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "salinan.db");
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{copy}'";
            await vacuum.ExecuteNonQueryAsync();
        }
        var services = new ServiceCollection().AddLogging();
        services.AddDbContext<PortalDbContext>(o => o.UseSqlite($"Data Source={copy};Pooling=false"));
        services.AddDataProtection().SetApplicationName("Belu.Portal").PersistKeysToDbContext<PortalDbContext>();
        await using var thief = services.BuildServiceProvider();

        await using (var db = thief.GetRequiredService<PortalDbContext>())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys.Where(k => k.StartsWith("<key", StringComparison.Ordinal)), k =>
            {
                Assert.Contains("encryptedSecret", k);
                Assert.DoesNotContain("<masterKey", k);
            });
        }
        var stolen = new TicketDataFormat(thief.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose[0], CookiePurpose[1..]));
        Assert.Null(stolen.Unprotect(cookie));
        Assert.True(File.Exists(factory.KeyCertificatePath), "the certificate is created at first start");
    }
}
