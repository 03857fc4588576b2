using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Belu.Portal.Features.Metrics;

/// <summary>
/// OpenTelemetry metrics with a Prometheus scrape endpoint (docs/decisions/0027): request latency per route
/// (ASP.NET Core's meter), the runtime, Blazor circuits, SignalR connections, and the portal's own meter.
/// </summary>
public static class MetricsExtensions
{
    /// <summary>ASP.NET Core's meters read besides the portal's: circuits (live and connected) and SignalR's connections.</summary>
    public static readonly string[] FrameworkMeters = ["Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.Http.Connections"];

    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<MetricsOptions>(builder.Configuration, MetricsOptions.Section);
        builder.Services.AddSingleton<StoredReadings>();
        builder.Services.AddSingleton<PortalMetrics>();
        if (!builder.Configuration.GetValue($"{MetricsOptions.Section}:{nameof(MetricsOptions.Enabled)}", true))
        {
            // The instruments stay (features record into them); with no listener attached they cost nothing.
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("belu-portal"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PortalMetrics.MeterName)
                .AddMeter(FrameworkMeters)
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// <c>GET /metrics</c> (<see cref="MetricsOptions.Path"/>) in Prometheus's text format, for a signed-in Admin or an
    /// address in <see cref="MetricsOptions.AllowedNetworks"/>; anyone else gets 404, as if there were nothing there.
    /// </summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        // Made now, so its gauges are there from the first scrape, before any feature has recorded into it.
        _ = app.Services.GetRequiredService<PortalMetrics>();
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }
        var access = MetricsAccess.From(options);
        // After authentication (an Admin's cookie counts) and the forwarded headers (a configured proxy's client counts).
        app.UseWhen(context => context.Request.Path.Equals(options.Path, StringComparison.OrdinalIgnoreCase), branch => branch.Use((context, next) =>
        {
            if (access.Allows(context.Connection.RemoteIpAddress, context.User))
            {
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }));
        app.MapPrometheusScrapingEndpoint(options.Path);
        return app;
    }
}
