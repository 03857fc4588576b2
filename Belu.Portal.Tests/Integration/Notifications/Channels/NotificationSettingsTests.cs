using Belu.Portal.Features.Notifications.Channels;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Notifications.Channels;

public sealed class NotificationSettingsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task APersonSavesTheirOwnChoicesAndReadsThemBack()
    {
        await using var scope = await portal.ScopeForAsync("pimpinan");
        var settings = scope.ServiceProvider.GetRequiredService<NotificationSettings>();
        await settings.SaveAsync(new NotificationSettingsInput
        {
            EmailTopics = NotificationTopics.Disposisi | NotificationTopics.Ringkasan,
            TelegramTopics = NotificationTopics.Pengingat,
            TelegramChatId = " 123456789 ",
            QuietFrom = new TimeOnly(21, 0),
            QuietUntil = new TimeOnly(6, 0),
        });

        var view = await settings.GetAsync();
        Assert.Equal(NotificationTopics.Disposisi | NotificationTopics.Ringkasan, view.Input.EmailTopics);
        Assert.Equal("123456789", view.Input.TelegramChatId);
        Assert.Equal(new TimeOnly(6, 0), view.Input.QuietUntil);
    }

    [Fact]
    public async Task TelegramWithoutAChatAndHalfQuietHoursAreRefusedAndNothingIsSaved()
    {
        await using var scope = await portal.ScopeForAsync("admin");
        var settings = scope.ServiceProvider.GetRequiredService<NotificationSettings>();
        var ex = await Assert.ThrowsAsync<ValidationException>(() => settings.SaveAsync(new NotificationSettingsInput
        {
            EmailTopics = NotificationTopics.All,
            TelegramTopics = NotificationTopics.Surat,
            QuietFrom = new TimeOnly(21, 0),
        }));
        Assert.Contains(nameof(NotificationSettingsInput.TelegramChatId), ex.FieldErrors.Keys);
        Assert.Contains(nameof(NotificationSettingsInput.QuietUntil), ex.FieldErrors.Keys);
        Assert.Equal(NotificationTopics.None, (await settings.GetAsync()).Input.EmailTopics);
    }

    [Fact]
    public async Task OnlyAnAdministratorReadsTheDeliveryLog()
    {
        await using (var scope = await portal.ScopeForAsync("pimpinan"))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<DeliveryLogQueries>().SearchAsync(new(null, null, 0, 50)));
        }
        await using var admin = await portal.ScopeForAsync("admin");
        var (items, total) = await admin.ServiceProvider.GetRequiredService<DeliveryLogQueries>().SearchAsync(new(null, null, 0, 50));
        Assert.Equal(total, items.Count);
    }
}
