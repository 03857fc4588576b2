using Belu.Portal.Features.Monitoring;
using Microsoft.AspNetCore.Identity;

namespace Belu.Portal.Features.Notifications;

public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR();
        services.Configure<RedisOptions>(builder.Configuration.GetSection(RedisOptions.Section));
        services.AddSingleton<InProcessEventBus>();
        // One process by default; with Redis configured, events reach the listeners of every instance.
        services.AddSingleton<IEventBus>(sp =>
        {
            var redis = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RedisOptions>>().Value;
            return string.IsNullOrWhiteSpace(redis.ConnectionString)
                ? sp.GetRequiredService<InProcessEventBus>()
                : new RedisEventBus(redis, sp.GetRequiredService<InProcessEventBus>(), sp.GetRequiredService<ILogger<RedisEventBus>>());
        });
        services.AddSingleton<IPortalNotifier, NotificationPublisher>();
        services.AddSingleton<Accounts.Sessions.LiveSessions>();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddScoped<NotificationService>();

        services.AddScoped<DisplayTokenService>();
        services.AddScoped<BoardService>();
        services.AddScoped<Monitoring.MachineAlertLine>();
        services.Configure<MonitoringOptions>(builder.Configuration.GetSection(MonitoringOptions.Section));
        services.AddScoped<Accounts.PeopleStampValidator>();
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
