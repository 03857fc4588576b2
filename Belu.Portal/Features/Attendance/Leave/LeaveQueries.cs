using Belu.Portal.Common;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>The caller's own cuti balance, as his leave page shows it.</summary>
public sealed class LeaveQueries(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, LeaveBalances balances, OfficeClock clock)
{
    public async Task<LeaveBalanceView> MyBalanceAsync(int? year = null, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await balances.ComputeAsync(db, me, year ?? clock.Today.Year, ct);
    }
}
