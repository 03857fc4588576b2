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

/// <summary>Monitoring board settings (section "Monitoring").</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>Seconds each panel stays on screen before the next one rotates in.</summary>
    public int PanelSeconds { get; set; } = 20;

    /// <summary>Lines in the live ticker, one event each across the board's width (five fit under a 1080-pixel panel).</summary>
    public int TickerSize { get; set; } = 5;

    /// <summary>Events are coalesced: the board re-reads its numbers at most this often.</summary>
    public int RefreshSeconds { get; set; } = 3;

    /// <summary>
    /// The ticker shows an event as soon as it arrives, then waits at least this long before the next redraw;
    /// what arrives meanwhile is drawn together. Bounds the redraws of a flood to ten a second.
    /// </summary>
    public int TickerMinMilliseconds { get; set; } = 100;
}

/// <summary>What a board may show: its scope comes from its display token (or the whole regency for Admins previewing).</summary>
public sealed record BoardLetterRow(int OpdId, string OpdName, int Waiting, int InProgress, int Overdue);

/// <summary>
/// Today's attendance of one OPD. Staff excludes those with a day off; present includes the late; the share present
/// is of those expected in the office (not on duty or leave).
/// </summary>
public sealed record BoardAttendanceRow(int OpdId, string OpdName, int Staff, int Present, int Late, int NotYet, int Away)
{
    public int? PresentPercent => Staff - Away <= 0 ? null : (int)Math.Round(100.0 * Present / (Staff - Away));
}

public sealed class BoardService(IDbContextFactory<PortalDbContext> dbFactory, Common.OfficeClock clock, AttendanceEngine attendance)
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
        var tree = await OrganizationService.LoadTreeAsync(db, ct);
        var today = clock.Today;
        var counts = await db.IncomingLetters.AsNoTracking()
            .Where(l => l.Progress != LetterProgress.Done)
            .GroupBy(l => l.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Waiting = g.Count(l => l.Progress == LetterProgress.NotDisposed),
                InProgress = g.Count(l => l.Progress == LetterProgress.InProgress),
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
        var tree = await OrganizationService.LoadTreeAsync(db, ct);
        var opdOf = tree.All.ToDictionary(u => u.Id, u => tree.OpdOf(u.Id));
        var units = opdOf.Where(p => p.Value is not null && scope.Covers(p.Value.Id) && p.Value.Kind.IsTopLevel()).Select(p => p.Key).ToHashSet();
        var staff = await AttendanceEngine.Staff(db).Where(s => units.Contains(s.UnitId)).ToListAsync(ct);
        var today = clock.Today;
        var grid = await attendance.ReadAsync(db, staff, today, today, ct);
        return staff
            .Select(s => (Opd: opdOf[s.UnitId]!, State: AttendanceReportService.StateOf(grid[s.Id, today] ?? new DayResult(AttendanceCode.Belum))))
            .Where(x => x.State != TodayState.Libur)
            .GroupBy(x => x.Opd)
            .Select(g => new BoardAttendanceRow(g.Key.Id, g.Key.Name, g.Count(),
                g.Count(x => x.State is TodayState.Hadir or TodayState.Terlambat or TodayState.PulangCepat),
                g.Count(x => x.State == TodayState.Terlambat),
                g.Count(x => x.State == TodayState.BelumHadir),
                g.Count(x => x.State == TodayState.DinasCuti)))
            .OrderBy(r => r.OpdName, StringComparer.Ordinal)
            .ToList();
    }

    public static IReadOnlyList<UnitNode> OpdsOf(UnitTree tree, BoardScope scope) =>
        tree.All.Where(u => u.Kind.IsTopLevel() && u.IsActive && (scope.IsRegency || scope.OpdIds!.Contains(u.Id)))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
}
