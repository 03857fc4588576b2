using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>How many requests wait for the caller's decision: shown where an approver lands (the home page).</summary>
public sealed class CountRequestsToDecide(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        // An account without an employee (the display, a bare admin) decides nothing.
        if (currentUser.EmployeeId is not int me)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AttendanceRequests.CountAsync(r => r.ApproverEmployeeId == me && r.Status == RequestStatus.Diajukan, ct);
    }
}
