using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>How an employee stands today, in the words a leader uses.</summary>
public enum TodayState
{
    Hadir = 0,
    Terlambat = 1,
    PulangCepat = 2,
    BelumHadir = 3,
    DinasCuti = 4,
    Libur = 5,
}

public sealed record TodayRow(StaffMember Employee, string UnitName, TodayState State, DayResult Result);

/// <param name="Missing">How those not here stand (NotPresent): not started, awaited ("Belum hadir") or, once closed, TK.</param>
public sealed record TodayView(DateOnly Date, string? HolidayName, IReadOnlyList<TodayRow> Rows, NotPresentState Missing = NotPresentState.Awaited)
{
    public int Count(TodayState state) => Rows.Count(r => r.State == state);
}

public sealed record RecapDay(DateOnly Date, bool IsWorkingDay, string? HolidayName);

public sealed record RecapRow(StaffMember Employee, string UnitName, IReadOnlyList<DayResult?> Days, IReadOnlyDictionary<AttendanceCode, int> Totals, decimal DeductionPercent);

public sealed record RecapGrid(int UnitId, string UnitName, int Year, int Month, IReadOnlyList<RecapDay> Days, IReadOnlyList<RecapRow> Rows,
    IReadOnlyDictionary<(int EmployeeId, DateOnly Date), DutyLetter>? Letters = null)
{
    /// <summary>The Surat Tugas that ordered this DL day, if one did.</summary>
    public DutyLetter? LetterOf(int employeeId, DateOnly date) => Letters?.GetValueOrDefault((employeeId, date));

    /// <summary>Each employee's cuti tahunan balance (N, N-1, N-2) for the recap's year, from approved leave (docs/domain/leave.md).</summary>
    public IReadOnlyDictionary<int, AnnualBalance>? AnnualLeave { get; init; }

    public AnnualBalance? LeaveOf(int employeeId) => AnnualLeave?.GetValueOrDefault(employeeId);
}

public sealed record DisciplineRow(StaffMember Employee, string UnitName, DisciplineAssessment Assessment);

/// <summary>
/// What leaders see of their units (a leader: the own unit's tree; an admin: everything): today, the monthly
/// recap with TPP deductions, and the PP 94/2021 discipline watch (which BKPSDM sees for the whole regency).
/// </summary>
public sealed class AttendanceReportService(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationTreeCache trees,
    CurrentUser currentUser,
    AttendanceEngine engine,
    AuditLog audit,
    OfficeClock clock,
    Leave.LeaveBalances leaveBalances)
{
    public const string BkpsdmCode = "BKPSDM";

    /// <summary>Units whose attendance the caller may see, and the unit to start from.</summary>
    public async Task<(UnitTree Tree, HashSet<int> Scope, int? Home)> ScopeAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var home = currentUser.EmployeeId is int me ? await db.Employees.Where(e => e.Id == me).Select(e => (int?)e.UnitId).FirstOrDefaultAsync(ct) : null;
        var scope = currentUser.IsAdmin ? tree.All.Select(u => u.Id).ToHashSet()
            : home is int h ? tree.SubtreeOf(h) : [];
        if (currentUser.IsAdmin && home is int unit)
        {
            home = tree.OpdOf(unit)?.Id ?? unit;
        }
        return (tree, scope, home);
    }

    public Task<TodayView> TodayAsync(int unitId, CancellationToken ct = default) => DayAsync(unitId, clock.Today, ct);

    /// <summary>How the unit's staff stood on a day (today, or a past day for the daily late list).</summary>
    public async Task<TodayView> DayAsync(int unitId, DateOnly today, CancellationToken ct = default)
    {
        var (tree, staff) = await StaffUnderAsync(unitId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grid = await engine.ReadAsync(db, staff, today, today, ct);
        var rows = staff.Select(s =>
        {
            var result = grid[s.Id, today] ?? new DayResult(AttendanceCode.Belum);
            return new TodayRow(s, tree[s.UnitId].Name, StateOf(result), result);
        })
        .OrderBy(r => Rank(r.State)).ThenByDescending(r => r.Result.LateMinutes).ThenBy(r => r.Employee.Name)
        .ToList();
        // The same rule as the board: before the window opens the day has not started, only the close makes it TK.
        var phase = grid.Book.LastClosedDay is DateOnly closed && closed >= today ? DayPhase.Closed
            : today > clock.Today ? DayPhase.Future : DayPhase.Open;
        var now = today == clock.Today ? TimeOnly.FromDateTime(clock.LocalNow) : TimeOnly.MaxValue;
        var missing = NotPresent.StateAt(grid.Book.ScheduleOf(unitId, today), grid.Book.HolidayOn(today), phase, now);
        return new TodayView(today, grid.Book.HolidayOn(today), rows, missing);
    }

    /// <summary>What a leader should look at first: the late, then those not here, then the rest.</summary>
    private static int Rank(TodayState state) => state switch
    {
        TodayState.Terlambat => 0,
        TodayState.BelumHadir => 1,
        TodayState.PulangCepat => 2,
        TodayState.DinasCuti => 3,
        TodayState.Hadir => 4,
        _ => 5,
    };

    public static TodayState StateOf(DayResult r) => r.Code switch
    {
        AttendanceCode.Libur => TodayState.Libur,
        AttendanceCode.DL or AttendanceCode.C or AttendanceCode.S or AttendanceCode.I => TodayState.DinasCuti,
        AttendanceCode.TK or AttendanceCode.Belum => TodayState.BelumHadir,
        _ when r.Late is AttendanceCode late && (r.CheckIn is not null || late == AttendanceCode.TL4) => TodayState.Terlambat,
        _ when r.Early is not null => TodayState.PulangCepat,
        _ => TodayState.Hadir,
    };

    public async Task<RecapGrid> RecapAsync(int unitId, int year, int month, CancellationToken ct = default)
    {
        if (month is < 1 or > 12 || year is < 2000 or > 2100)
        {
            throw new ValidationException("Bulan tidak sah.");
        }
        var (tree, staff) = await StaffUnderAsync(unitId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var grid = await engine.ReadAsync(db, staff, from, to, ct);
        var days = Enumerable.Range(0, to.Day).Select(i => from.AddDays(i))
            .Select(d => new RecapDay(d, grid.Book.IsWorkingDay(unitId, d), grid.Book.HolidayOn(d))).ToList();
        var rows = staff.Select(s =>
        {
            var cells = days.Select(d => grid[s.Id, d.Date]).ToList();
            var results = cells.Where(c => c is not null).Select(c => c!).ToList();
            return new RecapRow(s, tree[s.UnitId].Name, cells, CodeTotals.Count(results), grid.Book.Penalties.ForMonth(results));
        }).ToList();
        var letters = await DutyLetters.ForAsync(db, [.. staff.Select(s => s.Id)], from, to, ct);
        var leave = await leaveBalances.ComputeManyAsync(db, [.. staff.Select(s => s.Id)], year, ct);
        await audit.WriteAsync("attendance.recap.read", tree[unitId].Code, $"{year}-{month:00}");
        return new RecapGrid(unitId, tree[unitId].Name, year, month, days, rows, letters) { AnnualLeave = leave.ToDictionary(l => l.Key, l => l.Value.Balance) };
    }

    /// <summary>Whose discipline watch the caller may read (<see cref="DisciplineAudience"/>).</summary>
    public async Task<DisciplineAudience> DisciplineAudienceAsync(CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var myUnit = await db.Employees.Where(e => e.Id == me).Select(e => e.UnitId).FirstAsync(ct);
        return DisciplineAudience.For(tree, currentUser, me, myUnit);
    }

    /// <summary>
    /// The discipline watch for a year: a Pegawai sees themself, a leader their units, an admin or a BKPSDM leader
    /// everyone. A plain Pegawai of BKPSDM is a Pegawai like any other: the regency's NIPs are not theirs to read. Rows with nothing to report are left out unless <paramref name="includeClean"/>.
    /// </summary>
    public async Task<IReadOnlyList<DisciplineRow>> DisciplineAsync(int year, int? unitId = null, bool includeClean = false, CancellationToken ct = default)
    {
        var audience = await DisciplineAudienceAsync(ct);
        var (tree, me, everyone) = (audience.Tree, audience.Me, audience.Everyone);
        var units = audience.Units;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (unitId is int u)
        {
            var requested = tree.Contains(u) ? tree.SubtreeOf(u) : [];
            units = units is null ? (everyone ? requested : null) : units.Intersect(requested).ToHashSet();
        }

        var staffQuery = AttendanceEngine.Staff(db);
        var staff = !everyone && units is null
            ? await staffQuery.Where(s => s.Id == me).ToListAsync(ct)
            : units is null ? await staffQuery.ToListAsync(ct)
            : await staffQuery.Where(s => units.Contains(s.UnitId)).ToListAsync(ct);
        var ids = staff.Select(s => s.Id).ToList();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var tk = await db.AttendanceDays.AsNoTracking()
            .Where(d => d.Date >= from && d.Date <= to && d.Code == AttendanceCode.TK && ids.Contains(d.EmployeeId))
            .GroupBy(d => d.EmployeeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var withTk = tk.Keys.ToList();
        var codes = await db.AttendanceDays.AsNoTracking()
            .Where(d => d.Date >= from && d.Date <= to && withTk.Contains(d.EmployeeId))
            .Select(d => new { d.EmployeeId, d.Date, d.Code }).ToListAsync(ct);
        var runs = codes.GroupBy(c => c.EmployeeId).ToDictionary(g => g.Key, g => DisciplineRules.LongestRun(g.Select(c => (c.Date, c.Code))));

        var rules = engine.Options.Discipline();
        return staff
            .Select(s => new DisciplineRow(s, tree.Contains(s.UnitId) ? tree[s.UnitId].Name : "",
                rules.Assess(tk.GetValueOrDefault(s.Id), runs.GetValueOrDefault(s.Id))))
            .Where(r => includeClean || r.Assessment.TkDays > 0 || IsSelf(r, me))
            .OrderByDescending(r => r.Assessment.Level).ThenByDescending(r => r.Assessment.TkDays).ThenBy(r => r.Employee.Name)
            .ToList();

        static bool IsSelf(DisciplineRow r, int me) => r.Employee.Id == me;
    }

    /// <summary>The staff of a unit and its sub-units, heads first, once the caller's scope holds the unit (403 otherwise).</summary>
    internal async Task<(UnitTree Tree, List<StaffMember> Staff)> StaffUnderAsync(int unitId, CancellationToken ct)
    {
        var (tree, scope, _) = await ScopeAsync(ct);
        if (!tree.Contains(unitId) || !scope.Contains(unitId))
        {
            throw new ForbiddenException("Unit ini di luar lingkup Anda.");
        }
        var units = tree.SubtreeOf(unitId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await AttendanceEngine.Staff(db).Where(s => units.Contains(s.UnitId)).ToListAsync(ct);
        var order = tree.All.ToDictionary(n => n.Id, n => (n.Kind, n.SortOrder));
        // Heads first, then by unit order and name, as a paper recap lists people.
        return (tree, staff.OrderBy(s => s.UnitId == unitId ? 0 : 1).ThenBy(s => order[s.UnitId].SortOrder).ThenBy(s => s.UnitId)
            .ThenBy(s => s.Position.StartsWith("Kepala", StringComparison.Ordinal) || s.Position.StartsWith("Sekretaris", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(s => s.Name, StringComparer.Ordinal).ToList());
    }
}
