using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// Lets an in-memory test stand for another host: the test server gives every request no remote address, so a request
/// carrying <see cref="Header"/> gets that address as its connection's remote address, before any of the portal's own
/// middleware runs. Only the test factories install it; the portal itself has no such header.
/// </summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }
            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A client whose every request comes from <paramref name="address"/> (use loopback addresses: 127.0.0.x).</summary>
    public static HttpClient From(PortalFactory factory, string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
