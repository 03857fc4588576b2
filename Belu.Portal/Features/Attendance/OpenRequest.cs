using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>One request as its page shows it, and whether the caller is the one to decide it.</summary>
public sealed record RequestView(RequestRow Row, bool CanDecide, bool IsMine);

/// <summary>
/// Opens one request: for its approver (the link of his notification leads here) and for its requester. Anyone else
/// learns nothing, not even that it exists.
/// </summary>
public sealed class OpenRequest(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<RequestView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only the requester and the approver find it: whoever is not the requester here is its approver.
        var row = await RequestQueries.Rows(db, db.AttendanceRequests.AsNoTracking()
                .Where(r => r.Id == id && (r.ApproverEmployeeId == me || r.EmployeeId == me)))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Permohonan tidak ditemukan.");
        var mine = row.EmployeeId == me;
        return new RequestView(row, !mine && row.Status == RequestStatus.Diajukan, mine);
    }
}
