namespace Belu.Portal.Features.Notifications.Channels;

public static class ChannelsExtensions
{
    /// <summary>The channels beyond the bell, their delivery worker, the reminders and the settings page's use cases.</summary>
    public static WebApplicationBuilder AddNotificationChannels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ChannelOptions>(builder.Configuration, ChannelOptions.Section);
        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddHttpClient(WhatsAppChannel.HttpClientName);
        services.AddHttpClient(TelegramChannel.HttpClientName);
        services.AddSingleton<INotificationChannel>(sp => new WhatsAppChannel(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WhatsAppChannel.HttpClientName),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChannelOptions>>()));
        services.AddSingleton<INotificationChannel>(sp => new TelegramChannel(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramChannel.HttpClientName),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChannelOptions>>()));
        services.AddSingleton<ChannelDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ChannelDeliveryWorker>());
        services.AddScoped<NotificationSettings>();
        services.AddValidatedOptions<Reminders.ReminderOptions>(builder.Configuration, Reminders.ReminderOptions.Section);
        services.AddScoped<Reminders.SendMorningDigest>();
        services.AddScoped<Reminders.RemindDispositions>();
        services.AddScoped<Reminders.EscalateUndecidedRequests>();
        services.AddSingleton<Reminders.ReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Reminders.ReminderWorker>());
        services.AddScoped<DeliveryLogQueries>();
        return builder;
    }
}
