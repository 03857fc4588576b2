using System.Security.Claims;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Monitoring;

/// <summary>What a board may show: its scope comes from its display token (or the whole regency for Admins previewing).</summary>
public sealed record BoardLetterRow(int OpdId, string OpdName, int Waiting, int InProgress, int Overdue);

/// <summary>
/// Today's attendance of one OPD. Staff excludes those with a day off; present includes the late. Those not present
/// are split by where the day stands (NotPresent): <see cref="NotStarted"/> before the check-in window opens,
/// <see cref="NotYet"/> (belum hadir) from its opening until the daily close, <see cref="Absent"/> (TK) once closed.
/// The share present is of those whose day has started and who are expected in the office (not on duty or leave).
/// </summary>
public sealed record BoardAttendanceRow(int OpdId, string OpdName, int Staff, int Present, int Late, int NotYet, int Away, int NotStarted = 0, int Absent = 0)
{
    public int? PresentPercent => Staff - Away - NotStarted <= 0 ? null : (int)Math.Round(100.0 * Present / (Staff - Away - NotStarted));
}

public sealed class BoardService(IDbContextFactory<PortalDbContext> dbFactory, OrganizationTreeCache trees, Common.OfficeClock clock, AttendanceEngine attendance)
{
    public static bool MayWatch(ClaimsPrincipal user) => user.IsInRole(Roles.Display) || user.IsInRole(Roles.Admin);

    public async Task<(BoardScope Scope, string Label)> ScopeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var scope = user.IsInRole(Roles.Display) ? DisplayClaims.Scope(user) : BoardScope.Regency;
        if (scope.IsRegency)
        {
            return (scope, "Seluruh Kabupaten Belu");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = scope.OpdIds!.ToList();
        var names = await db.Units.Where(u => ids.Contains(u.Id)).OrderBy(u => u.SortOrder).Select(u => u.Name).ToListAsync(ct);
        return (scope, string.Join(" · ", names));
    }

    /// <summary>The latest events within the scope, newest first, for the ticker.</summary>
    public async Task<IReadOnlyList<BoardEvent>> RecentEventsAsync(BoardScope scope, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = db.RecentEvents.AsNoTracking();
        if (!scope.IsRegency)
        {
            var ids = scope.OpdIds!.ToList();
            events = events.Where(e => e.OpdId == null || ids.Contains(e.OpdId.Value));
        }
        return await events.OrderByDescending(e => e.AtUtc).Take(take)
            .Select(e => new BoardEvent(e.Id, e.Kind, e.Text, e.AtUtc, e.OpdId)).ToListAsync(ct);
    }

    /// <summary>
    /// Letters per OPD: waiting for disposition, in progress, overdue. One grouped query for the whole scope, so the
    /// cost does not grow with the number of units on the board.
    /// </summary>
    public async Task<IReadOnlyList<BoardLetterRow>> LettersAsync(BoardScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var today = clock.Today;
        var counts = await db.IncomingLetters.AsNoTracking()
            .Where(l => l.Progress != LetterState.Selesai)
            .GroupBy(l => l.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Waiting = g.Count(l => l.Progress == LetterState.BelumDidisposisi),
                InProgress = g.Count(l => l.Progress == LetterState.DalamProses),
                Overdue = g.Count(l => l.OpenDeadline != null && l.OpenDeadline < today),
            })
            .ToListAsync(ct);
        // Letters are registered by OPD; fold any sub-unit register into its OPD.
        return counts
            .Where(c => tree.Contains(c.UnitId))
            .GroupBy(c => tree.OpdOf(c.UnitId)!)
            .Where(g => scope.Covers(g.Key.Id))
            .Select(g => new BoardLetterRow(g.Key.Id, g.Key.Name, g.Sum(c => c.Waiting), g.Sum(c => c.InProgress), g.Sum(c => c.Overdue)))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Waiting).ThenBy(r => r.OpdName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Today's attendance per OPD for the whole scope: the staff, their punches and requests are read in one batch by
    /// the attendance engine (a handful of queries whatever the number of units), then counted per OPD.
    /// </summary>
    public async Task<IReadOnlyList<BoardAttendanceRow>> AttendanceAsync(BoardScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var opdOf = tree.All.ToDictionary(u => u.Id, u => tree.OpdOf(u.Id));
        var units = opdOf.Where(p => p.Value is not null && scope.Covers(p.Value.Id) && p.Value.Kind.IsTopLevel()).Select(p => p.Key).ToHashSet();
        var staff = await AttendanceEngine.Staff(db).Where(s => units.Contains(s.UnitId)).ToListAsync(ct);
        var today = clock.Today;
        var grid = await attendance.ReadAsync(db, staff, today, today, ct);
        var phase = grid.Book.LastClosedDay is DateOnly closed && closed >= today ? DayPhase.Closed : DayPhase.Open;
        var now = TimeOnly.FromDateTime(clock.LocalNow);
        return staff
            .Select(s => (Opd: opdOf[s.UnitId]!, State: BoardStateOf(grid[s.Id, today] ?? new DayResult(AttendanceCode.Belum),
                () => NotPresent.StateAt(grid.Book.ScheduleOf(s.UnitId, today), grid.Book.HolidayOn(today), phase, now))))
            .Where(x => x.State is not BoardState.DayOff)
            .GroupBy(x => x.Opd)
            .Select(g => new BoardAttendanceRow(g.Key.Id, g.Key.Name, g.Count(),
                g.Count(x => x.State is BoardState.Present or BoardState.Late),
                g.Count(x => x.State == BoardState.Late),
                g.Count(x => x.State == BoardState.Awaited),
                g.Count(x => x.State == BoardState.Away),
                g.Count(x => x.State == BoardState.NotStarted),
                g.Count(x => x.State == BoardState.Absent)))
            .OrderBy(r => r.OpdName, StringComparer.Ordinal)
            .ToList();
    }

    private enum BoardState { DayOff, Present, Late, Away, NotStarted, Awaited, Absent }

    /// <summary>One employee's place on the board; those not present ask the day's phase and the window (NotPresent).</summary>
    private static BoardState BoardStateOf(DayResult result, Func<NotPresentState> notPresent) => AttendanceReportService.StateOf(result) switch
    {
        TodayState.Libur => BoardState.DayOff,
        TodayState.DinasCuti => BoardState.Away,
        TodayState.Terlambat => BoardState.Late,
        TodayState.Hadir or TodayState.PulangCepat => BoardState.Present,
        _ when result.Code == AttendanceCode.TK => BoardState.Absent,
        _ => notPresent() switch
        {
            NotPresentState.DayOff => BoardState.DayOff,
            NotPresentState.NotStarted => BoardState.NotStarted,
            NotPresentState.Absent => BoardState.Absent,
            _ => BoardState.Awaited,
        },
    };

    public static IReadOnlyList<UnitNode> OpdsOf(UnitTree tree, BoardScope scope) =>
        tree.All.Where(u => u.Kind.IsTopLevel() && u.IsActive && (scope.IsRegency || scope.OpdIds!.Contains(u.Id)))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
}
