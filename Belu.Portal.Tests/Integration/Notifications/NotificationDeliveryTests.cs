using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Notifications;

public class NotificationDeliveryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(string UserId, int EmployeeId, int UnitId)> AccountAsync(string userName)
    {
        await using var db = factory.CreateDbContext();
        // An anonymous type, not a tuple: Npgsql would translate ValueTuple.Create into a PostgreSQL record.
        var account = await db.Users.Where(u => u.UserName == userName)
            .Select(u => new { u.Id, EmployeeId = u.EmployeeId!.Value, u.Employee!.UnitId }).SingleAsync();
        return (account.Id, account.EmployeeId, account.UnitId);
    }

    [Fact]
    public async Task AnEventIsStoredForItsRecipientsOnlyAndReachesTheirOpenPages()
    {
        var pegawai = await AccountAsync("pegawai");
        var agendaris = await AccountAsync("agendaris");
        var feed = factory.Services.GetRequiredService<LiveFeed>();
        var seenByPegawai = new List<LiveNotification>();
        var seenByAgendaris = new List<LiveNotification>();
        using var a = feed.SubscribeUser(pegawai.UserId, n => { seenByPegawai.Add(n); return Task.CompletedTask; });
        using var b = feed.SubscribeUser(agendaris.UserId, n => { seenByAgendaris.Add(n); return Task.CompletedTask; });

        var notifier = factory.Services.GetRequiredService<IPortalNotifier>();
        await notifier.PublishAsync(new TestEvent("Surat untuk pegawai") { RecipientEmployeeIds = [pegawai.EmployeeId] });

        Assert.Equal("Surat untuk pegawai", Assert.Single(seenByPegawai).Text);
        Assert.Empty(seenByAgendaris);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.Text == "Surat untuk pegawai"));
        Assert.Equal(pegawai.UserId, (await db.Notifications.SingleAsync(n => n.Text == "Surat untuk pegawai")).UserId);
    }

    [Fact]
    public async Task AUnitEventReachesTheLeadersUpToTheOpdHeadButNotTheSubject()
    {
        var pegawai = await AccountAsync("pegawai");
        var pimpinan = await AccountAsync("pimpinan");
        var notifier = factory.Services.GetRequiredService<IPortalNotifier>();

        await notifier.PublishAsync(new TestEvent("Pegawai terlambat 12 menit") { UnitId = pegawai.UnitId, SubjectEmployeeId = pegawai.EmployeeId, Leaders = true });
        await notifier.PublishAsync(new TestEvent("Kepala dinas terlambat") { UnitId = pimpinan.UnitId, SubjectEmployeeId = pimpinan.EmployeeId, Leaders = true });

        await using var db = factory.CreateDbContext();
        var late = await db.Notifications.Where(n => n.Text == "Pegawai terlambat 12 menit").Select(n => n.UserId).ToListAsync();
        Assert.Contains(pimpinan.UserId, late);
        Assert.DoesNotContain(pegawai.UserId, late);
        Assert.Empty(await db.Notifications.Where(n => n.Text == "Kepala dinas terlambat").ToListAsync());
    }

    [Fact]
    public async Task PublishingTheSameEventTwiceStoresItOnce()
    {
        var pegawai = await AccountAsync("pegawai");
        var notifier = factory.Services.GetRequiredService<IPortalNotifier>();
        var e = new TestEvent("Sekali saja") { RecipientEmployeeIds = [pegawai.EmployeeId] };
        await notifier.PublishAsync(e);
        await notifier.PublishAsync(e);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.EventId == e.Id));
    }

    [Fact]
    public async Task ReadingAndMarkingTouchOnlyTheCallersOwnNotifications()
    {
        var pegawai = await AccountAsync("pegawai");
        var notifier = factory.Services.GetRequiredService<IPortalNotifier>();
        await notifier.PublishAsync(new TestEvent("Milik pegawai") { RecipientEmployeeIds = [pegawai.EmployeeId] });
        await using var db = factory.CreateDbContext();
        var id = (await db.Notifications.SingleAsync(n => n.Text == "Milik pegawai")).Id;

        await using (var other = await factory.ScopeForAsync("agendaris"))
        {
            var service = other.ServiceProvider.GetRequiredService<NotificationService>();
            Assert.DoesNotContain((await service.ListAsync(false, 0, 100)).Items, n => n.Id == id);
            await Assert.ThrowsAsync<NotFoundException>(() => service.MarkReadAsync(id));
        }
        await using (var owner = await factory.ScopeForAsync("pegawai"))
        {
            var service = owner.ServiceProvider.GetRequiredService<NotificationService>();
            var before = await service.CountUnreadAsync();
            await service.MarkReadAsync(id);
            Assert.Equal(before - 1, await service.CountUnreadAsync());
            await service.MarkAllReadAsync();
            Assert.Equal(0, await service.CountUnreadAsync());
        }
    }

    [Fact]
    public async Task ADeactivatedAccountGetsNoNotifications()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByNameAsync("admin");
        admin!.IsActive = false;
        await users.UpdateAsync(admin);
        try
        {
            var notifier = factory.Services.GetRequiredService<IPortalNotifier>();
            await notifier.PublishAsync(new TestEvent("Untuk admin nonaktif") { RecipientEmployeeIds = [admin.EmployeeId!.Value] });
            await using var db = factory.CreateDbContext();
            Assert.False(await db.Notifications.AnyAsync(n => n.Text == "Untuk admin nonaktif"));
        }
        finally
        {
            admin.IsActive = true;
            await users.UpdateAsync(admin);
        }
    }
}
