using System.Net;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>A portal whose requests come from loopback (as from nginx on the same host), with two sign-in attempts a minute.</summary>
public class LoopbackPortalFactory : PortalFactory
{
    public LoopbackPortalFactory()
    {
        WithSetting("RateLimits:LoginPerMinute", "2");
        WithServices(s => s.AddSingleton<IStartupFilter>(new FromLoopback()));
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, call) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return call(context);
            });
            next(app);
        };
    }
}

public class ProxiedPortalFactory : LoopbackPortalFactory
{
    public ProxiedPortalFactory() => WithSetting("RateLimits:KnownProxies:0", "127.0.0.1");
}

/// <summary>X-Forwarded-For is believed only from a configured proxy; by default from no one, loopback included.</summary>
public class ForwardedHeadersTests(LoopbackPortalFactory factory) : IClassFixture<LoopbackPortalFactory>
{
    internal static async Task<HttpStatusCode> LoginAttemptAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/akun/masuk") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task AForgedForwardedForDoesNotEscapeTheLoginLimit()
    {
        var client = factory.CreateBrowserLikeClient();
        await LoginAttemptAsync(client, "127.0.0.11");
        await LoginAttemptAsync(client, "127.0.0.12");
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAttemptAsync(client, "127.0.0.13"));
    }

    /// <summary>nginx's X-Forwarded-Proto, as the site file in docs/deploy sends it.</summary>
    internal static async Task<HttpResponseMessage> OverHttpsByProxyAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/akun/masuk");
        request.Headers.Add("X-Forwarded-For", "127.0.0.31");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AForgedForwardedProtoDoesNotMakeARequestHttps()
    {
        var response = await OverHttpsByProxyAsync(factory.CreateBrowserLikeClient());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The configured proxy's X-Forwarded-For names the client, so each client has its own limit.</summary>
public class TrustedProxyTests(ProxiedPortalFactory factory) : IClassFixture<ProxiedPortalFactory>
{
    [Fact]
    public async Task AConfiguredProxySpeaksForItsClients()
    {
        var client = factory.CreateBrowserLikeClient();
        foreach (var address in new[] { "127.0.0.21", "127.0.0.22", "127.0.0.23" })
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await ForwardedHeadersTests.LoginAttemptAsync(client, address));
        }
    }

    [Fact]
    public async Task AConfiguredProxysForwardedProtoMakesTheRequestHttps()
    {
        var response = await ForwardedHeadersTests.OverHttpsByProxyAsync(factory.CreateBrowserLikeClient());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
