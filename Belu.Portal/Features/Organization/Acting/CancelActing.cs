using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization.Acting;

/// <summary>
/// Cancels an appointment that has not ended: from the moment of cancellation the post's items reach its official
/// again. What the acting official already did stays done, in the capacity it was done in. An admin cancels any; the
/// official his own post's Plh.
/// </summary>
public sealed class CancelActing(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, OfficeClock clock, AuditLog audit, Announcer announcer)
{
    public async Task HandleAsync(int id, Guid version, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.ActingAppointments.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Penunjukan tidak ditemukan.");
        if (!currentUser.IsAdmin && (currentUser.EmployeeId != a.ReplacedEmployeeId || a.Kind != ActingKind.Plh))
        {
            throw new ForbiddenException("Hanya admin atau pejabat yang digantikan yang dapat membatalkan penunjukan Plh ini.");
        }
        if (a.Version != version)
        {
            throw new ConcurrencyException();
        }
        if (a.CancelledAtUtc is not null)
        {
            throw new ValidationException("Penunjukan ini sudah dibatalkan.");
        }
        if (a.To < clock.Today)
        {
            throw new ValidationException("Penunjukan ini sudah berakhir dan tetap tercatat; yang sudah lewat tidak dapat dibatalkan.");
        }
        var now = clock.UtcNow;
        (a.CancelledAtUtc, a.CancelledBy, a.Version) = (now, currentUser.UserName, Guid.NewGuid());
        var actingName = await db.Employees.Where(e => e.Id == a.ActingEmployeeId).Select(e => e.Name).FirstAsync(ct);
        audit.Add(db, "acting.cancelled", a.LetterNumber, $"{actingName} sebagai {a.Capacity}");
        await announcer.SaveAndAnnounceAsync(db, null, [new ActingCancelledEvent(a.Capacity, actingName, a.From, a.To)
        {
            AtUtc = now, RecipientEmployeeIds = [a.ActingEmployeeId, a.ReplacedEmployeeId],
        }], ct);
    }
}
