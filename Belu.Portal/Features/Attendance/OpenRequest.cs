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
        var row = await db.AttendanceRequests.AsNoTracking()
            .Where(r => r.Id == id && (r.ApproverEmployeeId == me || r.EmployeeId == me))
            .Select(r => new
            {
                Row = new RequestRow(r.Id, r.EmployeeId,
                    db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.Name).First(),
                    db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.Nip).First(),
                    r.Kind, r.From, r.To, r.Reason, r.Status,
                    db.Employees.Where(e => e.Id == r.ApproverEmployeeId).Select(e => e.Name).FirstOrDefault(),
                    r.DecisionNote, r.CreatedUtc, r.DecidedUtc, r.DocumentKey != null, r.Version),
                r.ApproverEmployeeId,
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Permohonan tidak ditemukan.");
        var mine = row.Row.EmployeeId == me;
        return new RequestView(row.Row, !mine && row.ApproverEmployeeId == me && row.Row.Status == RequestStatus.Diajukan, mine);
    }
}
