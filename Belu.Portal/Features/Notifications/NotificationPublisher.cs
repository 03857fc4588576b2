using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Notifications;

/// <summary>
/// The portal's <see cref="IPortalNotifier"/>: on the instance where the event happened it works out who is
/// concerned, stores their notifications once, and hands the envelope to the bus, which delivers it everywhere.
/// </summary>
public sealed class NotificationPublisher(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationTreeCache trees,
    IEventBus bus,
    TimeProvider time,
    OfficeClock clock,
    Microsoft.Extensions.Options.IOptions<Channels.ChannelOptions> channelOptions,
    Channels.ChannelDeliveryWorker channelDelivery,
    ILogger<NotificationPublisher> logger) : IPortalNotifier
{
    public async Task PublishAsync(PortalEvent portalEvent, CancellationToken cancellationToken = default)
    {
        if (portalEvent.AtUtc == default)
        {
            portalEvent = portalEvent with { AtUtc = time.GetUtcNow().UtcDateTime };
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tree = await trees.GetAsync(db, cancellationToken);
        var userIds = await RecipientsAsync(db, tree, portalEvent, DateOnly.FromDateTime(clock.ToLocal(portalEvent.AtUtc)), cancellationToken);
        var opdId = portalEvent.UnitId is int unitId && tree.Contains(unitId) ? tree.OpdOf(unitId)?.Id : null;

        var text = portalEvent.Summary.Length > 500 ? portalEvent.Summary[..500] : portalEvent.Summary;
        if (portalEvent.ShowOnBoard && !await db.RecentEvents.AnyAsync(e => e.Id == portalEvent.Id, cancellationToken))
        {
            // The board's ticker replays recent events after a restart: it keeps the line the board says.
            var line = portalEvent.BoardLine.Length > 500 ? portalEvent.BoardLine[..500] : portalEvent.BoardLine;
            db.RecentEvents.Add(new RecentEvent { Id = portalEvent.Id, Kind = portalEvent.Kind, Text = line, AtUtc = portalEvent.AtUtc, OpdId = opdId });
        }
        if (userIds.Count > 0)
        {
            var existing = await db.Notifications.Where(n => n.EventId == portalEvent.Id).Select(n => n.UserId).ToListAsync(cancellationToken);
            db.Notifications.AddRange(userIds.Except(existing).Select(userId => new Notification
            {
                UserId = userId,
                EventId = portalEvent.Id,
                Kind = portalEvent.Kind,
                Text = text,
                Link = portalEvent.Link,
                AtUtc = portalEvent.AtUtc,
            }));
        }
        // The channel copies are queued in the same save as the bell; they are sent after it, never before.
        await Channels.ChannelCopies.AddAsync(db, portalEvent, userIds, channelOptions.Value, clock, cancellationToken);
        // A staged event leaves the outbox in the same save that stores its notifications.
        if (await db.OutboxEvents.FindAsync([portalEvent.Id], cancellationToken) is { } staged)
        {
            db.OutboxEvents.Remove(staged);
        }
        await db.SaveChangesAsync(cancellationToken);
        await PruneAsync(db, portalEvent.AtUtc, cancellationToken);
        channelDelivery.Nudge();

        logger.LogInformation("Event {EventType} {EventId} for {Recipients} accounts", portalEvent.Kind, portalEvent.Id, userIds.Count);
        await bus.PublishAsync(new EventEnvelope(portalEvent, userIds, opdId), cancellationToken);
    }

    private int _published;

    /// <summary>Every few hundred events, drop ticker lines older than three days.</summary>
    private async Task PruneAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _published) % 500 == 1)
        {
            var cutoff = now.AddDays(-3);
            await db.RecentEvents.Where(e => e.AtUtc < cutoff).ExecuteDeleteAsync(ct);
        }
    }

    public IDisposable Subscribe(Func<PortalEvent, Task> handler) =>
        // The end of sessions and a changed organisation are signals between instances, not events anyone hears of.
        bus.Subscribe(envelope => envelope.Event is Accounts.Sessions.SessionsEnded or OrganizationChanged ? Task.CompletedTask : handler(envelope.Event));

    /// <summary>The accounts of the named employees and, when the event asks for it, of the unit's leaders up to its OPD head.</summary>
    internal static async Task<List<string>> RecipientsAsync(PortalDbContext db, UnitTree tree, PortalEvent portalEvent, DateOnly day, CancellationToken ct)
    {
        var employeeIds = portalEvent.RecipientEmployeeIds.ToHashSet();
        if (employeeIds.Count > 0 && portalEvent.ReachesActingOfficial)
        {
            // What is addressed to a post reaches its Plh/Plt on the (WITA) day it happens.
            var named = employeeIds.ToList();
            employeeIds.UnionWith(await db.ActingAppointments
                .Where(a => a.CancelledAtUtc == null && named.Contains(a.ReplacedEmployeeId) && a.From <= day && a.To >= day)
                .Select(a => a.ActingEmployeeId).ToListAsync(ct));
        }
        var users = new HashSet<string>();
        if (employeeIds.Count > 0)
        {
            users.UnionWith(await db.Users.Where(u => u.EmployeeId != null && employeeIds.Contains(u.EmployeeId.Value) && u.IsActive)
                .Select(u => u.Id).ToListAsync(ct));
        }
        if (portalEvent.NotifyUnitLeaders && portalEvent.UnitId is int unitId && tree.Contains(unitId))
        {
            var chain = new List<int>();
            foreach (var unit in tree.AncestryOf(unitId))
            {
                chain.Add(unit.Id);
                if (unit.Kind.IsTopLevel())
                {
                    break;
                }
            }
            var leaders = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Pimpinan && user.IsActive && user.Employee != null && chain.Contains(user.Employee.UnitId)
                    && user.EmployeeId != portalEvent.SubjectEmployeeId
                select user.Id).ToListAsync(ct);
            users.UnionWith(leaders);
        }
        return [.. users.Order(StringComparer.Ordinal)];
    }
}
