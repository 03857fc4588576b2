using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>One employee's day that a re-close changed: what it showed before and what it shows now.</summary>
public sealed record ReclosedDay(int EmployeeId, string EmployeeName, string UnitName, DateOnly Date, string Before, string After);

/// <summary>
/// Closes a range of past days again for every unit, after an admin corrected a schedule, a holiday or approved a
/// request late: the days are classified from their facts as the daily close does (idempotent: unchanged facts change
/// nothing), and the admin sees, and the audit log keeps, every day that changed.
/// </summary>
public sealed class RecloseDays(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AttendanceEngine engine,
    AuditLog audit,
    OfficeClock clock)
{
    /// <summary>At most about a quarter of a year at once: a range is one transaction per day over every employee.</summary>
    public const int MaxDays = 92;

    public async Task<IReadOnlyList<ReclosedDay>> RunAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if (to < from)
        {
            throw new ValidationException("Tanggal akhir harus sama dengan atau setelah tanggal awal.");
        }
        if (to >= clock.Today)
        {
            throw new ValidationException($"Hanya hari yang sudah berakhir yang dapat ditutup ulang (paling akhir {clock.Today.AddDays(-1):dd/MM/yyyy}).");
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ValidationException($"Rentang paling panjang {MaxDays} hari; tutup ulang per bulan.");
        }
        var changes = new List<ReclosedDay>();
        await DailyCloseService.Gate.WaitAsync(ct);
        try
        {
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                changes.AddRange(await RecloseAsync(day, ct));
            }
        }
        finally
        {
            DailyCloseService.Gate.Release();
        }
        return changes;
    }

    private async Task<IReadOnlyList<ReclosedDay>> RecloseAsync(DateOnly day, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var staff = await AttendanceEngine.Staff(db).ToListAsync(ct);
        var before = await db.AttendanceDays.AsNoTracking().Where(d => d.Date == day)
            .Select(d => new { d.EmployeeId, d.Code, d.LateCode, d.EarlyCode }).ToDictionaryAsync(d => d.EmployeeId, ct);
        var book = await engine.LoadBookAsync(db, day, day, ct);
        await engine.StoreClosedAsync(db, book, staff, day, day, ct);

        var names = staff.ToDictionary(s => s.Id);
        var changes = new List<ReclosedDay>();
        foreach (var entry in db.ChangeTracker.Entries<AttendanceDay>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            var row = entry.Entity;
            var old = before.TryGetValue(row.EmployeeId, out var b) ? Display(b.Code, b.LateCode, b.EarlyCode) : "—";
            var now = Display(row.Code, row.LateCode, row.EarlyCode);
            if (old == now)
            {
                // Only the closed flag or the update time moved: nothing the admin would see.
                continue;
            }
            var member = names[row.EmployeeId];
            changes.Add(new ReclosedDay(member.Id, member.Name, book.Tree.Contains(member.UnitId) ? book.Tree[member.UnitId].Name : "", day, old, now));
            audit.Add(db, "attendance.day.reclosed", $"{member.Nip ?? member.Id.ToString(CultureInfo.InvariantCulture)} {day:yyyy-MM-dd}", $"{old} → {now}");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changes.OrderBy(c => c.UnitName).ThenBy(c => c.EmployeeName).ToList();
    }

    private static string Display(Domain.AttendanceCode code, Domain.AttendanceCode? late, Domain.AttendanceCode? early) =>
        new Domain.DayResult(code, late, early).Display;
}
