using System.Net;
using System.Text.Json;
using Belu.Portal.Features.Letters;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Postgres;

/// <summary>PostgreSQL going away under a running portal: /health says so, a write fails whole, and both recover.</summary>
[Trait("Category", "Postgres")]
public class PostgresOutageTests(PostgresPortalFactory factory) : IClassFixture<PostgresPortalFactory>
{
    private HttpClient? _admin;

    /// <summary>The health detail is for admins; the admin signs in on the first call, while the database is up.</summary>
    private async Task<(HttpStatusCode Status, string Database)> HealthAsync()
    {
        if (_admin is null)
        {
            _admin = factory.CreateBrowserLikeClient();
            await _admin.SignInAsync("admin");
        }
        var response = await _admin.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("description").GetString()!);
    }

    [Fact]
    public async Task HealthReportsAnUnreachableDatabaseAndNothingIsHalfWritten()
    {
        var (status, description) = await HealthAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("PostgreSQL: terhubung", description);
        await using var scope = await factory.ScopeForAsync("agendaris");
        var input = await factory.FormAsync("Surat saat basis data mati");
        int before;
        await using (var db = factory.CreateDbContext())
        {
            before = await db.IncomingLetters.CountAsync();
        }

        await factory.Database.SetReachableAsync(false);
        try
        {
            (status, description) = await HealthAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Basis data tidak dapat dihubungi", description);
            await Assert.ThrowsAnyAsync<Exception>(() => scope.ServiceProvider.GetRequiredService<RegisterLetter>().HandleAsync(input, [LetterTestKit.PdfUpload()]));
        }
        finally
        {
            await factory.Database.SetReachableAsync(true);
        }

        (status, _) = await HealthAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(before, await db.IncomingLetters.CountAsync());
            Assert.False(await db.IncomingLetters.AnyAsync(l => l.Subject == "Surat saat basis data mati"));
        }
    }
}
