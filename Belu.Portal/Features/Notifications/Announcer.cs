using Belu.Portal.Common;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Belu.Portal.Features.Notifications;

/// <summary>
/// The one road from a command's change to the bells. The change and its events' outbox rows are saved (and the
/// caller's transaction committed) together; delivery comes after the commit. A delivery that fails is logged and
/// left to the <see cref="OutboxDispatcher"/>: it never undoes the change nor reaches the user as an error.
/// A cancellation passes through: the request or the host is ending, and the outbox still holds the events.
/// </summary>
public sealed class Announcer(IPortalNotifier notifier, ILogger<Announcer> logger)
{
    /// <summary>
    /// Stages <paramref name="events"/> with the change in <paramref name="db"/>, saves, commits
    /// <paramref name="transaction"/> when the caller opened one, then announces.
    /// </summary>
    /// <exception cref="ConcurrencyException">Someone changed the same row since it was read.</exception>
    public async Task SaveAndAnnounceAsync(PortalDbContext db, IDbContextTransaction? transaction, IReadOnlyCollection<PortalEvent> events,
        CancellationToken ct = default)
    {
        foreach (var portalEvent in events)
        {
            Outbox.Stage(db, portalEvent);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException();
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        await AnnounceAsync(events, ct);
    }

    /// <summary>
    /// The after-commit half, for a command that stages with <see cref="Outbox.Stage"/> and has work to do between its
    /// save and its commit: delivers events that are already committed in the outbox.
    /// </summary>
    public async Task AnnounceAsync(IEnumerable<PortalEvent> events, CancellationToken ct = default)
    {
        foreach (var portalEvent in events)
        {
            try
            {
                await notifier.PublishAsync(portalEvent, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Event {EventType} {EventId} is saved but not delivered yet; the outbox dispatcher will deliver it",
                    portalEvent.Kind, portalEvent.Id);
            }
        }
    }
}
