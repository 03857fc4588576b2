using System.Net;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Integration.Security;

public class SecurityHeadersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/akun/masuk")]
    [InlineData("/health")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task TheAuthCookieIsHttpOnlyAndSameSite()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostLoginAsync("pegawai", PortalFactory.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("belu.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AForgedFormPostWithoutTheAntiforgeryTokenIsRefused()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Login"] = "pegawai", ["Input.Password"] = PortalFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("belu.auth=", StringComparison.Ordinal)));
    }
}

public sealed class StrictLoginLimitFactory : PortalFactory
{
    public StrictLoginLimitFactory() => WithSetting("RateLimits:LoginPerMinute", "3");
}

public class LoginRateLimitTests(StrictLoginLimitFactory factory) : IClassFixture<StrictLoginLimitFactory>
{
    [Fact]
    public async Task TooManySignInAttemptsFromOneAddressAreSlowedDown()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostLoginAsync("tebak" + i, "Salah#12345")).StatusCode);
        }
        var limited = await client.PostLoginAsync("tebak", "Salah#12345");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Terlalu banyak permintaan", await limited.Content.ReadAsStringAsync());
        Assert.True(limited.Headers.Contains("Retry-After"));
    }
}
