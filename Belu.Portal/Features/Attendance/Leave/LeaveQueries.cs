using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>An employee's cuti balance with the opening an admin set for him, as the employee's admin page shows it.</summary>
public sealed record EmployeeLeaveView(LeaveBalanceView Balance, OpeningBalanceInput? Opening, DateTime? OpeningSetUtc);

/// <summary>Cuti balances as the pages show them: the caller's own, and (for an admin) any employee's.</summary>
public sealed class LeaveQueries(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, LeaveBalances balances, OfficeClock clock)
{
    public async Task<LeaveBalanceView> MyBalanceAsync(int? year = null, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await balances.ComputeAsync(db, me, year ?? clock.Today.Year, ct);
    }

    /// <summary>An employee's balance this year and his opening balance, if any: an admin's only (403 otherwise).</summary>
    public async Task<EmployeeLeaveView> ForEmployeeAsync(int employeeId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var balance = await balances.ComputeAsync(db, employeeId, clock.Today.Year, ct);
        var opening = await db.LeaveOpeningBalances.AsNoTracking().Where(b => b.EmployeeId == employeeId).FirstOrDefaultAsync(ct);
        return new EmployeeLeaveView(balance,
            opening is null ? null : new OpeningBalanceInput
            {
                EmployeeId = employeeId, Year = opening.Year, CarriedFromN1 = opening.CarriedFromN1, CarriedFromN2 = opening.CarriedFromN2,
                TakenBeforeGoLive = opening.TakenBeforeGoLive, Note = opening.Note,
            },
            opening?.SetUtc);
    }
}
