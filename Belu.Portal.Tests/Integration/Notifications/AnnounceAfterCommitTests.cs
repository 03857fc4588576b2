using Belu.Portal.Data;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Integration.Notifications;

/// <summary>A notifier whose delivery breaks (the bus or the notifications table is down) while the test says so.</summary>
public sealed class BrokenNotifier(NotificationPublisher inner) : IPortalNotifier
{
    public volatile bool Broken;

    public Task PublishAsync(PortalEvent portalEvent, CancellationToken cancellationToken = default) =>
        Broken ? throw new InvalidOperationException("delivery is down") : inner.PublishAsync(portalEvent, cancellationToken);

    public IDisposable Subscribe(Func<PortalEvent, Task> handler) => inner.Subscribe(handler);
}

public sealed class BrokenNotifierPortalFactory : PortalFactory
{
    public BrokenNotifierPortalFactory()
    {
        // The dispatcher's own timer stays out of the way: the test runs it when it wants.
        WithSetting("Outbox:Interval", "1.00:00:00");
        WithServices(services =>
        {
            services.AddSingleton<NotificationPublisher>();
            services.AddSingleton<BrokenNotifier>();
            services.AddSingleton<IPortalNotifier>(sp => sp.GetRequiredService<BrokenNotifier>());
        });
    }
}

/// <summary>A change that was committed is reported as saved even when its announcement fails; the outbox delivers it later.</summary>
public class AnnounceAfterCommitTests(BrokenNotifierPortalFactory factory) : IClassFixture<BrokenNotifierPortalFactory>
{
    private async Task<int> PublishLeftOversAsync()
    {
        var later = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow() + TimeSpan.FromMinutes(2);
        var dispatcher = new OutboxDispatcher(factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            factory.Services.GetRequiredService<NotificationPublisher>(), new FakeTimeProvider(later), Options.Create(new OutboxOptions()),
            NullLogger<OutboxDispatcher>.Instance);
        return await dispatcher.RunOnceAsync();
    }

    private async Task<int> NotificationsAsync(string userName, string kind, Guid letterId)
    {
        await using var db = factory.CreateDbContext();
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Notifications.CountAsync(n => n.UserId == user && n.Kind == kind && n.Link == $"/surat/{letterId}");
    }

    [Fact]
    public async Task ADispositionWhosePublishFailsAfterCommitIsStillReportedAsSaved()
    {
        var notifier = factory.Services.GetRequiredService<BrokenNotifier>();
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var letterId = await factory.RegisterAsync(await factory.FormAsync("Disposisi saat pengiriman notifikasi gagal"));

        IReadOnlyList<Guid> ids;
        notifier.Broken = true;
        try
        {
            ids = await factory.DisposeAsync("pimpinan", letterId, null, [pegawai]);
        }
        finally
        {
            notifier.Broken = false;
        }

        var id = Assert.Single(ids);
        var letter = await factory.OpenAsync("pimpinan", letterId);
        Assert.Equal(DispositionStatus.Baru, letter.Disposition(id).Status);
        Assert.Equal(0, await NotificationsAsync("pegawai", nameof(LetterDisposed), letterId));

        Assert.True(await PublishLeftOversAsync() >= 1);
        Assert.Equal(1, await NotificationsAsync("pegawai", nameof(LetterDisposed), letterId));
    }

    [Fact]
    public async Task ALetterWhosePublishFailsAfterCommitIsStillRegistered()
    {
        var notifier = factory.Services.GetRequiredService<BrokenNotifier>();
        var form = await factory.FormAsync("Surat saat pengiriman notifikasi gagal");

        Guid letterId;
        notifier.Broken = true;
        try
        {
            letterId = await factory.RegisterAsync(form);
        }
        finally
        {
            notifier.Broken = false;
        }

        Assert.Equal(form.Subject, (await factory.OpenAsync("pimpinan", letterId)).Subject);
        Assert.True(await PublishLeftOversAsync() >= 1);
        Assert.Equal(1, await NotificationsAsync("pimpinan", nameof(LetterRegistered), letterId));
    }

    [Fact]
    public async Task AFinishedDispositionWhosePublishFailsAfterCommitIsStillFinished()
    {
        var notifier = factory.Services.GetRequiredService<BrokenNotifier>();
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var letterId = await factory.RegisterAsync(await factory.FormAsync("Laporan saat pengiriman notifikasi gagal"));
        var id = Assert.Single(await factory.DisposeAsync("pimpinan", letterId, null, [pegawai]));
        var mine = (await factory.OpenAsync("pegawai", letterId)).Disposition(id);

        notifier.Broken = true;
        try
        {
            await factory.AsAsync("pegawai", sp => sp.GetRequiredService<ReportFollowUp>().HandleAsync(id, mine.Version, "Sudah dilaksanakan.", null));
        }
        finally
        {
            notifier.Broken = false;
        }

        Assert.Equal(DispositionStatus.Selesai, (await factory.OpenAsync("pimpinan", letterId)).Disposition(id).Status);
        Assert.True(await PublishLeftOversAsync() >= 1);
        Assert.Equal(1, await NotificationsAsync("pimpinan", nameof(DispositionFinished), letterId));
    }
}
