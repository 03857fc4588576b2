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
public sealed class OpenRequest(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, Organization.Acting.PostHolders postHolders)
{
    public async Task<RequestView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only the requester and the approver (or who acts for him today) find it: whoever is not the requester is its approver.
        var approvers = (await postHolders.PostsActedByAsync(db, me, ct: ct)).Select(p => (int?)p.ReplacedEmployeeId).Append(me).ToList();
        var row = await RequestQueries.Rows(db, db.AttendanceRequests.AsNoTracking()
                .Where(r => r.Id == id && (approvers.Contains(r.ApproverEmployeeId) || r.EmployeeId == me)))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Permohonan tidak ditemukan.");
        var mine = row.EmployeeId == me;
        return new RequestView(row, !mine && row.Status == RequestStatus.Diajukan, mine);
    }
}
