using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>How many requests wait for the caller's turn (<see cref="RequestTurn"/>): shown where an approver lands (the home page).</summary>
public sealed class CountRequestsToDecide(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, Organization.Acting.PostHolders postHolders)
{
    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        // An account without an employee (the display, a bare admin) decides nothing.
        if (currentUser.EmployeeId is not int me)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // An acting official also counts what waits for the post he holds today.
        var holders = (await postHolders.PostsActedByAsync(db, me, ct: ct)).Select(p => p.ReplacedEmployeeId).Append(me).ToList();
        return await RequestTurn.Pending(db).CountAsync(t => holders.Contains(t.HolderId), ct);
    }
}
