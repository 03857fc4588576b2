using Microsoft.AspNetCore.Identity;

namespace Belu.Portal.Features.Monitoring;

public static class MonitoringExtensions
{
    /// <summary>The wall board, its display tokens and the sign-in of a screen.</summary>
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<MonitoringOptions>(builder.Configuration, MonitoringOptions.Section);
        services.AddScoped<DisplayTokenService>();
        services.AddScoped<BoardService>();
        services.AddScoped<MachineAlertLine>();
        // Registered after Identity's own: a display session is checked against its token, a person's against their stamp.
        services.AddScoped<ISecurityStampValidator, PortalSecurityStampValidator>();
        return builder;
    }

    public static WebApplication MapMonitoring(this WebApplication app)
    {
        app.MapDisplaySignIn();
        return app;
    }
}
