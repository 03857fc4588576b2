using System.Net;
using System.Text.Json;
using Belu.Portal.Features.Letters;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>Small leaks: health detail, wildcard filters, HSTS, one CSP, the hub's connect limit, a non-ASCII return address.</summary>
public class LeakTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnonymousHealthShowsTheStatusOnlyAndAdminsTheDetail()
    {
        var anonymous = JsonDocument.Parse(await factory.CreateBrowserLikeClient().GetStringAsync("/health")).RootElement;
        Assert.Equal("Healthy", anonymous.GetProperty("status").GetString());
        Assert.False(anonymous.TryGetProperty("checks", out _));

        var admin = factory.CreateBrowserLikeClient();
        await admin.SignInAsync("admin");
        var detail = JsonDocument.Parse(await admin.GetStringAsync("/health")).RootElement;
        Assert.Contains("Sqlite", detail.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task AWildcardInTheSenderFilterMatchesOnlyItself()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        Assert.True((await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Take: 1))).Total > 0);
        Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Sender: "%", Take: 1))).Total);
        Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Sender: "_", Take: 1))).Total);
    }

    [Fact]
    public async Task OverHttpsBrowsersAreToldToStayOnHttps()
    {
        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var response = await https.GetAsync("/akun/masuk");
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
        var http = await factory.CreateBrowserLikeClient().GetAsync("/akun/masuk");
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task APageSendsOneContentSecurityPolicy()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        foreach (var path in new[] { "/akun/masuk", "/", "/absensi" })
        {
            var response = await client.GetAsync(path);
            var policies = response.Headers.GetValues("Content-Security-Policy").ToList();
            Assert.True(policies.Count == 1, $"{path}: {string.Join(" | ", policies)}");
            Assert.Contains("frame-ancestors 'none'", policies[0]);
        }
    }

    [Fact]
    public async Task APercentEncodedNonAsciiReturnUrlRedirectsEscaped()
    {
        var client = factory.CreateBrowserLikeClient();
        var form = await client.GetStringAsync("/akun/masuk?returnUrl=%2Fsurat%3Fq%3Ddin%C3%A1s");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/akun/masuk?returnUrl=%2Fsurat%3Fq%3Ddin%C3%A1s", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Login"] = "pegawai",
            ["Input.Password"] = PortalFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/surat?q=din%C3%A1s", response.Headers.Location!.OriginalString);
    }
}

/// <summary>The hub's limit counts a WebSocket connect that skipped /negotiate too.</summary>
public class HubConnectLimitTests(HubLimitFactory factory) : IClassFixture<HubLimitFactory>
{
    [Fact]
    public async Task ConnectingWithoutNegotiationCountsAgainstTheLimit()
    {
        var client = factory.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // What a skipNegotiation client opens first: the hub's address without a connection id.
            statuses.Add((await client.GetAsync("/hubs/notifications")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

public sealed class HubLimitFactory : PortalFactory
{
    public HubLimitFactory() => WithSetting("RateLimits:HubPerMinute", "2");
}

/// <summary>Who wrote a Sangat Rahasia letter is as secret as the letter: not on the ticker, not in the shared audit list.</summary>
public class SecretSenderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheSenderOfASangatRahasiaLetterStaysOffTheTickerAndTheAuditList()
    {
        var input = await factory.FormAsync("Hal sangat rahasia", Belu.Portal.Features.Letters.Domain.SecurityClass.SangatRahasia);
        input.Sender = "Pengirim Sangat Rahasia Nusantara";
        var id = await factory.RegisterAsync(input);

        await using var db = factory.CreateDbContext();
        var agenda = await db.IncomingLetters.Where(l => l.Id == id).Select(l => l.AgendaNumber).SingleAsync();
        var ticker = await db.RecentEvents.Where(e => e.Text.Contains(agenda)).Select(e => e.Text).ToListAsync();
        Assert.NotEmpty(ticker);
        Assert.All(ticker, t => Assert.DoesNotContain("Nusantara", t));
        var audit = await db.AuditEntries.Where(a => a.Subject == agenda).Select(a => a.Detail ?? "").ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, d => Assert.DoesNotContain("Nusantara", d));
    }
}
