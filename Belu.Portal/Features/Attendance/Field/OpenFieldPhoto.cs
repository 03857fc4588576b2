using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>
/// A field punch's photo, opened only by its employee, his direct superior (or the superior's Plh/Plt today, who reviews
/// in his stead) or an admin; the opening is audited.
/// </summary>
public sealed class OpenFieldPhoto(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, FileStore files, AuditLog audit, FieldReviewers reviewers)
{
    public async Task<Stream> OpenAsync(Guid punchId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from f in db.Set<FieldPunch>().AsNoTracking()
                           join e in db.Employees.AsNoTracking() on f.EmployeeId equals e.Id
                           where f.PunchId == punchId
                           select new { f.EmployeeId, f.PhotoKey, e.SuperiorId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var me = currentUser.EmployeeId;
        if (!currentUser.IsInRole(Roles.Admin) && (me is not int caller
                || (caller != found.EmployeeId && caller != found.SuperiorId && !(await reviewers.ForAsync(db, caller, found.EmployeeId, ct)).May)))
        {
            throw new ForbiddenException("Foto absen lapangan hanya dapat dilihat pegawai itu, atasan langsungnya (atau Plh/Plt-nya), dan admin.");
        }
        if (found.PhotoKey is null)
        {
            throw new NotFoundException();
        }
        audit.Add(db, "attendance.field.photo", $"{found.EmployeeId}", punchId.ToString());
        await db.SaveChangesAsync(ct);
        return files.OpenRead(found.PhotoKey);
    }
}
