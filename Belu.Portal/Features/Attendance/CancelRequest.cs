using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>The requester withdraws a request that is still waiting.</summary>
public sealed class CancelRequest(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task CancelAsync(Guid id, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.AttendanceRequests.FirstOrDefaultAsync(r => r.Id == id && r.EmployeeId == me, ct)
            ?? throw new NotFoundException("Permohonan tidak ditemukan.");
        if (request.Status != RequestStatus.Diajukan)
        {
            throw new ValidationException("Hanya permohonan yang masih menunggu keputusan yang dapat dibatalkan.");
        }
        request.Status = RequestStatus.Dibatalkan;
        request.Version = Guid.NewGuid();
        audit.Add(db, "attendance.request.cancelled", request.Id.ToString());
        await db.SaveChangesAsync(ct);
    }
}
