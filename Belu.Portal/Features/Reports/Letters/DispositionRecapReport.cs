using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Reports.Letters;

/// <summary>The period (dispositions made in it) and optionally a unit (with its sub-units).</summary>
public sealed record DispositionRecapRequest(DateOnly? From, DateOnly? To, int? Unit);

/// <summary>A row of the recap sheets: a unit or a person and their counts.</summary>
public sealed record DispositionRecapRow(string Name, string? Position, string? Unit, DispositionRecapLine Counts);

/// <summary>
/// "Rekap Disposisi": per unit and per person, the dispositions received in the period, finished, in progress,
/// overdue, and the mean days to finish. A leader sees the units he leads; an administrator every unit.
/// </summary>
public sealed class DispositionRecapReport(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationTreeCache trees,
    CurrentUser currentUser,
    OfficeClock clock) : IReport<DispositionRecapRequest>
{
    public const string Path = "/laporan/rekap-disposisi.xlsx";

    public static readonly SheetLayout<DispositionRecapRow> UnitLayout = Counts(new SheetLayout<DispositionRecapRow>()
        .RowNumber()
        .Text("Unit", 60, r => r.Name));

    public static readonly SheetLayout<DispositionRecapRow> PersonLayout = Counts(new SheetLayout<DispositionRecapRow>()
        .RowNumber()
        .Text("Nama", 30, r => r.Name)
        .Text("Jabatan", 36, r => r.Position)
        .Text("Unit", 40, r => r.Unit));

    public string Key => "rekap-disposisi";

    public static string Link(DateOnly? from, DateOnly? to, int? unit) => ReportLink.Build(Path,
        ("from", ReportLink.Date(from)), ("to", ReportLink.Date(to)), ("unit", unit?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<ReportDocument> BuildAsync(DispositionRecapRequest request, CancellationToken ct)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        var period = LetterReportScope.Period(request.From, request.To, today);
        var (tree, units) = await ScopeAsync(db, trees, currentUser, request.Unit, ct);
        var facts = await LoadFactsAsync(db, clock, units, period.From, period.To, ct);

        var personIds = facts.Select(f => f.ToEmployeeId).Distinct().ToList();
        var people = await db.Employees.AsNoTracking().Where(e => personIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Position, e.UnitId }).ToDictionaryAsync(e => e.Id, ct);
        var byUnit = DispositionRecap.By(facts, f => f.ToUnitId, today)
            .Select(l => new DispositionRecapRow(tree.PathOf(l.Key) is { Length: > 0 } p ? p : tree[l.Key].Name, null, null, l))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byPerson = DispositionRecap.By(facts, f => f.ToEmployeeId, today)
            .Select(l => people.TryGetValue(l.Key, out var e)
                ? new DispositionRecapRow(e.Name, e.Position, tree.Contains(e.UnitId) ? tree[e.UnitId].Name : "", l)
                : new DispositionRecapRow("(pegawai tidak dikenal)", null, null, l))
            .OrderBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        var label = request.Unit is int u ? tree.PathOf(u) is { Length: > 0 } path ? path : tree[u].Name
            : currentUser.IsAdmin ? "Semua unit" : UnitLabel(tree, units);
        return new ReportDocument
        {
            Title = "Rekap Disposisi",
            PeriodLabel = period.Label,
            FileName = ReportFileName.Create(Key, request.Unit is int unit ? ReportUnitNames.Of(tree, unit) : null, ReportFileName.PeriodOf(period.From, period.To)),
            Sheets =
            [
                new ReportSheet<DispositionRecapRow>("Per unit", label, UnitLayout, byUnit),
                new ReportSheet<DispositionRecapRow>("Per pegawai", label, PersonLayout, byPerson),
            ],
            Filters = $"{(request.Unit is int c ? $"unit: {tree[c].Code} (dengan sub-unit)" : "unit: semua dalam lingkup")}; disposisi {period.From:yyyy-MM-dd} s.d. {period.To:yyyy-MM-dd}",
        };
    }

    /// <summary>
    /// The units whose dispositions the caller may count: an administrator all, a leader his unit's tree; a unit
    /// asked for outside it is refused (403).
    /// </summary>
    internal static async Task<(UnitTree Tree, HashSet<int> Units)> ScopeAsync(PortalDbContext db, OrganizationTreeCache trees, CurrentUser user, int? unitId, CancellationToken ct)
    {
        user.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        var tree = await trees.GetAsync(db, ct);
        HashSet<int> scope;
        if (user.IsAdmin)
        {
            scope = tree.All.Select(n => n.Id).ToHashSet();
        }
        else
        {
            var me = user.RequireEmployeeId();
            var home = await db.Employees.Where(e => e.Id == me).Select(e => e.UnitId).FirstAsync(ct);
            scope = tree.SubtreeOf(home);
        }
        if (unitId is not int unit)
        {
            return (tree, scope);
        }
        if (!tree.Contains(unit))
        {
            throw new NotFoundException("Unit tidak ditemukan.");
        }
        if (!scope.Contains(unit))
        {
            throw new ForbiddenException($"{tree[unit].Name} berada di luar unit Anda; Anda hanya dapat melihat rekap unit yang Anda pimpin.");
        }
        return (tree, tree.SubtreeOf(unit));
    }

    /// <summary>Dispositions to the units, made in the period (office days), or all of them when no period is given.</summary>
    internal static async Task<List<DispositionFact>> LoadFactsAsync(PortalDbContext db, OfficeClock clock, HashSet<int> units, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var ids = units.ToList();
        var query = db.Dispositions.AsNoTracking().Where(d => ids.Contains(d.ToUnitId) && d.Status != Belu.Portal.Features.Letters.Domain.DispositionStatus.Dibatalkan);
        if (from is DateOnly f)
        {
            var start = clock.DayBoundsUtc(f).StartUtc;
            query = query.Where(d => d.CreatedAtUtc >= start);
        }
        if (to is DateOnly t)
        {
            var end = clock.DayBoundsUtc(t).EndUtc;
            query = query.Where(d => d.CreatedAtUtc < end);
        }
        return await query.Select(d => new DispositionFact(d.ToUnitId, d.ToEmployeeId, d.Status, d.Deadline, d.CreatedAtUtc, d.FinishedAtUtc)).ToListAsync(ct);
    }

    private static string UnitLabel(UnitTree tree, HashSet<int> units)
    {
        var roots = units.Where(u => tree[u].ParentId is not int p || !units.Contains(p)).ToList();
        return roots.Count == 1 ? (tree.PathOf(roots[0]) is { Length: > 0 } path ? path : tree[roots[0]].Name) : $"{roots.Count} unit";
    }

    private static SheetLayout<DispositionRecapRow> Counts(SheetLayout<DispositionRecapRow> layout) => layout
        .Integer("Diterima", 11, r => r.Counts.Received, ColumnTotal.Sum)
        .Integer("Selesai", 11, r => r.Counts.Finished, ColumnTotal.Sum)
        .Integer("Dalam proses", 11, r => r.Counts.InProgress, ColumnTotal.Sum)
        .Integer("Terlambat", 11, r => r.Counts.Overdue, ColumnTotal.Sum)
        .Decimal("Rata-rata hari selesai", 14, r => r.Counts.MeanDaysToFinish)
        .WithTotals();
}
