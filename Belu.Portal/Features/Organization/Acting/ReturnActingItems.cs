using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization.Acting;

/// <summary>
/// When a range has ended, tells the replaced official that the post's open items are his again. Nothing has to
/// move: letters, dispositions and requests were always addressed to the post's official, and the acting official's
/// hold on them ended with the range. Each appointment is told once (<see cref="ActingAppointment.ReturnNoticeSentAtUtc"/>),
/// in the same save as its notice.
/// </summary>
public sealed class ReturnActingItems(IDbContextFactory<PortalDbContext> dbFactory, OfficeClock clock, Announcer announcer)
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ended = await db.ActingAppointments
            .Where(a => a.CancelledAtUtc == null && a.ReturnNoticeSentAtUtc == null && a.To < today)
            .OrderBy(a => a.To).Take(100).ToListAsync(ct);
        var now = clock.UtcNow;
        var events = new List<PortalEvent>();
        foreach (var a in ended)
        {
            var head = a.ReplacedEmployeeId;
            var open = await db.IncomingLetters.CountAsync(l => l.AddresseeId == head && l.Progress == LetterState.BelumDidisposisi, ct)
                + await db.Dispositions.CountAsync(d => d.ToEmployeeId == head
                    && (d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses), ct)
                + await db.AttendanceRequests.CountAsync(r => r.ApproverEmployeeId == head && r.Status == RequestStatus.Diajukan, ct);
            var actingName = await db.Employees.Where(e => e.Id == a.ActingEmployeeId).Select(e => e.Name).FirstAsync(ct);
            (a.ReturnNoticeSentAtUtc, a.Version) = (now, Guid.NewGuid());
            events.Add(new ActingEndedEvent(a.Capacity, actingName, open) { AtUtc = now, RecipientEmployeeIds = [head] });
        }
        if (events.Count == 0)
        {
            return 0;
        }
        try
        {
            await announcer.SaveAndAnnounceAsync(db, null, events, ct);
        }
        catch (ConcurrencyException)
        {
            // Another instance (or pass) told them first: each range is told once.
            return 0;
        }
        return events.Count;
    }
}
