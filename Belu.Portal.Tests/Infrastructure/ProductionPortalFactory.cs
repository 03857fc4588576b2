using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// The portal as it runs in production (its error page instead of the developer's exception page), on the fake
/// clock, with one test-only address that fails: <see cref="FailingPath"/> throws after the portal's own pipeline,
/// as an unhandled bug in a page or endpoint would.
/// </summary>
public sealed class ProductionPortalFactory : FakeClockPortalFactory
{
    public const string FailingPath = "/uji/galat";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        // Production refuses a configured start instant; the fake clock stands in for it.
        builder.UseSetting("Clock:StartsAt", "");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingEndpoint>());
    }

    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // After the portal's endpoints: reached only by a path nothing else answers, inside every portal middleware.
            app.Use((context, nextMiddleware) => context.Request.Path.StartsWithSegments(FailingPath)
                ? throw new InvalidOperationException("Kegagalan uji: galat yang tidak tertangani.")
                : nextMiddleware(context));
        };
    }
}
