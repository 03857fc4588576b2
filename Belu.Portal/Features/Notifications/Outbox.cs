using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Notifications;

/// <summary>
/// An event written in the same transaction as the change that caused it, and deleted when the notifier has stored
/// its notifications. If the process dies between the commit and the publishing, the <see cref="OutboxDispatcher"/>
/// publishes it later: a committed disposition or deadline is never left without its notifications.
/// </summary>
public sealed class OutboxEvent
{
    /// <summary>The event's own id: publishing is idempotent by it.</summary>
    public Guid Id { get; set; }

    /// <summary>The envelope as JSON (<see cref="EventJson"/>), without recipients: they are worked out when it is published.</summary>
    public required string Payload { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>How many times the dispatcher tried it; an event that keeps failing is logged, not retried for ever.</summary>
    public int Attempts { get; set; }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.HasIndex(e => e.CreatedUtc);
    }
}

public static class Outbox
{
    /// <summary>Adds the event to the caller's unit of work; it is saved (or not) with the caller's change.</summary>
    public static void Stage(PortalDbContext db, PortalEvent portalEvent)
    {
        if (portalEvent.AtUtc == default)
        {
            throw new ArgumentException("A staged event needs its time (AtUtc) so that a later publish says the same.", nameof(portalEvent));
        }
        db.OutboxEvents.Add(new OutboxEvent
        {
            Id = portalEvent.Id,
            Payload = EventJson.Serialize(new EventEnvelope(portalEvent, [], null), "outbox"),
            CreatedUtc = portalEvent.AtUtc,
        });
    }
}

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the dispatcher looks for events left behind.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An event younger than this is still being published by the request that made it.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed attempts the event stays in the table for an administrator to look at.</summary>
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>Publishes the events whose publishing was cut off (a crash, a restart, a database error after commit).</summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<PortalDbContext> dbFactory,
    IPortalNotifier notifier,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Publishes every staged event older than the grace period; returns how many were published.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.Grace;
        List<OutboxEvent> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            pending = await db.OutboxEvents.AsNoTracking()
                .Where(e => e.CreatedUtc <= cutoff && e.Attempts < options.Value.MaxAttempts)
                .OrderBy(e => e.CreatedUtc).Take(200).ToListAsync(ct);
        }
        var published = 0;
        foreach (var row in pending)
        {
            var decoded = EventJson.Deserialize(row.Payload);
            try
            {
                if (decoded is null)
                {
                    throw new InvalidOperationException("unknown event type in the outbox");
                }
                // Deletes the row in the same save as the notifications.
                await notifier.PublishAsync(decoded.Value.Envelope.Event, ct);
                published++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox event {EventId} could not be published (attempt {Attempt})", row.Id, row.Attempts + 1);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await db.OutboxEvents.Where(e => e.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
            }
        }
        if (published > 0)
        {
            logger.LogWarning("Published {Count} events left in the outbox", published);
        }
        return published;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new ClockTicker(options.Value.Interval, time);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Outbox dispatch failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Outbox dispatcher stopped");
        }
    }
}
