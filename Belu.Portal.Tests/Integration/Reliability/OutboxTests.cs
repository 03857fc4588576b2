using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Integration.Reliability;

/// <summary>
/// A notifier that dies the moment a change has been committed and its event is about to be published: what a
/// process killed at exactly that point leaves behind. The test switches it on and off.
/// </summary>
[Trait("Category", "Process")]
public sealed class DyingNotifier(NotificationPublisher inner) : IPortalNotifier
{
    public volatile bool Dying;

    public Task PublishAsync(PortalEvent portalEvent, CancellationToken cancellationToken = default) =>
        Dying ? throw new OperationCanceledException("the process died before publishing") : inner.PublishAsync(portalEvent, cancellationToken);

    public IDisposable Subscribe(Func<PortalEvent, Task> handler) => inner.Subscribe(handler);

    /// <summary>Puts the dying notifier in a test portal; the outbox dispatcher's own timer stays out of the way.</summary>
    public static void Install(PortalFactory portal)
    {
        portal.WithSetting("Outbox:Interval", "1.00:00:00");
        portal.WithServices(services =>
        {
            services.AddSingleton<NotificationPublisher>();
            services.AddSingleton<DyingNotifier>();
            services.AddSingleton<IPortalNotifier>(sp => sp.GetRequiredService<DyingNotifier>());
        });
    }

    /// <summary>The outbox dispatcher as it runs at <paramref name="now"/> (e.g. after a restart), publishing for real.</summary>
    public static OutboxDispatcher DispatcherAt(IServiceProvider services, DateTimeOffset now) =>
        new(services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), services.GetRequiredService<NotificationPublisher>(),
            new FakeTimeProvider(now), Options.Create(new OutboxOptions()), NullLogger<OutboxDispatcher>.Instance);
}

[Trait("Category", "Process")]
public sealed class DyingNotifierPortalFactory : PortalFactory
{
    public DyingNotifierPortalFactory()
    {
        // The dispatcher's and the deadline scan's own timers stay out of the way: the test runs them when it wants.
        DyingNotifier.Install(this);
        WithSetting("Letters:DeadlineScanDelay", "1.00:00:00");
    }
}

[Trait("Category", "Process")]
public class OutboxTests(DyingNotifierPortalFactory factory) : IClassFixture<DyingNotifierPortalFactory>
{
    private OutboxDispatcher Dispatcher(TimeSpan later) => DyingNotifier.DispatcherAt(factory.Services, factory.Services.GetRequiredService<TimeProvider>().GetUtcNow() + later);

    private async Task<int> NotificationsAsync(string userName, string kind, Guid letterId)
    {
        await using var db = factory.CreateDbContext();
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Notifications.CountAsync(n => n.UserId == user && n.Kind == kind && n.Link == $"/surat/{letterId}");
    }

    [Fact]
    public async Task ADispositionCommittedJustBeforeACrashStillReachesItsRecipientOnce()
    {
        var notifier = factory.Services.GetRequiredService<DyingNotifier>();
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var kabid = await factory.EmployeeOfAsync("kabid.aptika");
        var letterId = await factory.RegisterAsync(await factory.FormAsync("Disposisi tepat sebelum server mati"));

        notifier.Dying = true;
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => factory.DisposeAsync("pimpinan", letterId, null, [pegawai, kabid]));
        }
        finally
        {
            notifier.Dying = false;
        }

        // The dispositions are committed; nobody has been told yet, and the events wait in the outbox.
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(2, await db.Dispositions.CountAsync(d => d.LetterId == letterId));
            Assert.Equal(2, await db.OutboxEvents.CountAsync(e => e.Payload.Contains(letterId.ToString())));
        }
        Assert.Equal(0, await NotificationsAsync("pegawai", nameof(LetterDisposed), letterId));

        // Within the grace period the request that made them might still be publishing: left alone.
        Assert.Equal(0, await Dispatcher(TimeSpan.Zero).RunOnceAsync());

        // After it, the dispatcher (here: after the restart) publishes them; a second run finds nothing.
        Assert.True(await Dispatcher(TimeSpan.FromMinutes(2)).RunOnceAsync() >= 2);
        Assert.Equal(0, await Dispatcher(TimeSpan.FromMinutes(3)).RunOnceAsync());
        Assert.Equal(1, await NotificationsAsync("pegawai", nameof(LetterDisposed), letterId));
        Assert.Equal(1, await NotificationsAsync("kabid.aptika", nameof(LetterDisposed), letterId));
        await using var check = factory.CreateDbContext();
        Assert.False(await check.OutboxEvents.AnyAsync(e => e.Payload.Contains(letterId.ToString())));
    }

    [Fact]
    public async Task WhenPublishingSucceedsTheOutboxIsEmptiedInTheSameSave()
    {
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var letterId = await factory.RegisterAsync(await factory.FormAsync("Disposisi biasa tanpa gangguan"));
        await factory.DisposeAsync("pimpinan", letterId, null, [pegawai]);

        Assert.Equal(1, await NotificationsAsync("pegawai", nameof(LetterDisposed), letterId));
        Assert.Equal(1, await NotificationsAsync("pimpinan", nameof(LetterRegistered), letterId));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.OutboxEvents.AnyAsync(e => e.Payload.Contains(letterId.ToString())));
    }

    [Fact]
    public async Task ADeadlineClaimedJustBeforeACrashIsStillAnnounced()
    {
        var notifier = factory.Services.GetRequiredService<DyingNotifier>();
        var today = factory.Services.GetRequiredService<OfficeClock>().Today;
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var letterId = await factory.RegisterAsync(await factory.FormAsync("Batas waktu saat server mati mendadak"));
        var ids = await factory.DisposeAsync("pimpinan", letterId, null, [pegawai], deadline: today.AddDays(1));
        await using (var db = factory.CreateDbContext())
        {
            await db.Dispositions.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Deadline, today.AddDays(-2)));
        }

        notifier.Dying = true;
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => factory.Services.GetRequiredService<IDeadlineScanner>().RunOnceAsync());
        }
        finally
        {
            notifier.Dying = false;
        }
        // The claim is committed, so no later scan announces it again: only the outbox can.
        Assert.Equal(0, await factory.Services.GetRequiredService<IDeadlineScanner>().RunOnceAsync());
        Assert.Equal(0, await NotificationsAsync("pegawai", nameof(DispositionDeadlinePassed), letterId));

        Assert.True(await Dispatcher(TimeSpan.FromMinutes(2)).RunOnceAsync() >= 1);
        Assert.Equal(1, await NotificationsAsync("pegawai", nameof(DispositionDeadlinePassed), letterId));
        Assert.Equal(1, await NotificationsAsync("pimpinan", nameof(DispositionDeadlinePassed), letterId));
    }
}
