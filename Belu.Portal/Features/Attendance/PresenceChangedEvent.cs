using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Today's attendance of an OPD changed: someone checked in or out, on time or not. The boards that watch the OPD
/// re-read their numbers (coalesced). It is a cue, not a notice: nobody is told, nothing is stored, and the ticker
/// does not show it (a late check-in has its own line, <see cref="CheckedInLateEvent"/>).
/// </summary>
public sealed record PresenceChangedEvent(DateOnly Date) : PortalEvent
{
    public override string Summary => $"Kehadiran {Date:dd/MM/yyyy} berubah";

    public override bool ShowOnBoard => false;

    public override bool MovesBoardNumbers => true;
}

/// <summary>
/// Sends <see cref="PresenceChangedEvent"/> straight to the event bus after a batch of punches is committed, one per
/// OPD whose today changed: the board's counts follow every check-in, not only the late ones.
/// </summary>
public sealed class PresenceCues(IEventBus bus, ILogger<PresenceCues> logger)
{
    public async Task AnnounceAsync(IEnumerable<int> opdIds, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        foreach (var opd in opdIds.Distinct())
        {
            try
            {
                await bus.PublishAsync(new EventEnvelope(new PresenceChangedEvent(today) { AtUtc = nowUtc }, [], opd), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The punches are stored; a board that misses the cue catches up at its next refresh (a minute at most).
                logger.LogWarning(ex, "Presence cue for OPD {Opd} not sent", opd);
            }
        }
    }
}
