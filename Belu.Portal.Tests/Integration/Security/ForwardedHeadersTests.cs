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
}
