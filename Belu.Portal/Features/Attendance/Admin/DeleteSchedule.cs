using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>An administrator removes a work schedule; the days it governed fall back to the next one. Audited.</summary>
public sealed class DeleteSchedule(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task DeleteScheduleAsync(Guid id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schedule = await db.WorkSchedules.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Jadwal tidak ditemukan.");
        db.WorkSchedules.Remove(schedule);
        audit.Add(db, "attendance.schedule.deleted", schedule.Name);
        await db.SaveChangesAsync(ct);
    }
}
