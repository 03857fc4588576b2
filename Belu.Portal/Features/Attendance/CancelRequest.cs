using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>The requester withdraws a request that is still waiting.</summary>
/// <remarks>An approved cuti may be withdrawn too while it has not started: its days return to the balance, which is
/// computed from approved leave only (docs/domain/leave.md).</remarks>
public sealed class CancelRequest(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, OfficeClock clock)
{
    public async Task CancelAsync(Guid id, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.AttendanceRequests.FirstOrDefaultAsync(r => r.Id == id && r.EmployeeId == me, ct)
            ?? throw new NotFoundException("Permohonan tidak ditemukan.");
        var approvedLeaveNotStarted = request.Status == RequestStatus.Disetujui && request.Kind == RequestKind.C && request.From > clock.Today;
        if (request.Status != RequestStatus.Diajukan && !approvedLeaveNotStarted)
        {
            throw new ValidationException(request.Status == RequestStatus.Disetujui && request.Kind == RequestKind.C
                ? "Cuti yang sudah dimulai tidak dapat dibatalkan."
                : "Hanya permohonan yang masih menunggu keputusan, atau cuti disetujui yang belum dimulai, yang dapat dibatalkan.");
        }
        request.Status = RequestStatus.Dibatalkan;
        request.Version = Guid.NewGuid();
        audit.Add(db, "attendance.request.cancelled", request.Id.ToString(), approvedLeaveNotStarted ? $"cuti disetujui {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd} dibatalkan sebelum dimulai" : null);
        await db.SaveChangesAsync(ct);
    }
}
