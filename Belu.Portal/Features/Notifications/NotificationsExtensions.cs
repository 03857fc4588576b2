namespace Belu.Portal.Features.Notifications;

public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR();
        services.AddValidatedOptions<RedisOptions>(builder.Configuration, RedisOptions.Section);
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
        services.AddSingleton<Announcer>();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        services.AddValidatedOptions<OutboxOptions>(builder.Configuration, OutboxOptions.Section);
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddScoped<NotificationService>();
        Channels.ChannelsExtensions.AddNotificationChannels(builder);
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapHub<NotificationsHub>("/hubs/notifications");
        return app;
    }
}
