using Belu.Portal.Features.Monitoring;
using Microsoft.AspNetCore.Identity;

namespace Belu.Portal.Features.Notifications;

public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR();
        services.AddSingleton<InProcessEventBus>();
        services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<InProcessEventBus>());
        services.AddSingleton<IPortalNotifier, NotificationPublisher>();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        services.AddScoped<NotificationService>();

        services.AddScoped<DisplayTokenService>();
        services.AddScoped<SecurityStampValidator<Accounts.ApplicationUser>>();
        services.AddScoped<ISecurityStampValidator, PortalSecurityStampValidator>();
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapHub<NotificationsHub>("/hubs/notifications");
        app.MapDisplaySignIn();
        return app;
    }
}
