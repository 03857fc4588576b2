using System.Runtime.CompilerServices;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Reports.EmployeeList;

/// <summary>The employee page's filters, from the query string: units (with their sub-units), text, status (absent: all).</summary>
public sealed record EmployeeListRequest(int[]? Unit, string? Q, bool? Active);

/// <summary>One line of the list.</summary>
public sealed record EmployeeLine(string? Nip, string Name, string Position, EmploymentType Type, string UnitPath, string? Superior, bool IsActive);

/// <summary>
/// "Daftar Pegawai": the people of the chosen units and their sub-units, exactly as the employee page filters them,
/// a sheet per OPD. Administrators export any unit, leaders their own unit tree, nobody else anything.
/// </summary>
public sealed class EmployeeListReport(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationTreeCache trees,
    CurrentUser currentUser,
    OrganizationService organization,
    OfficeClock clock) : IReport<EmployeeListRequest>
{
    public const string Path = "/laporan/daftar-pegawai.xlsx";

    /// <summary>Status colours as on the page: active green, inactive grey.</summary>
    public static readonly IReadOnlyDictionary<string, string> StatusFills = new Dictionary<string, string>
    {
        ["Aktif"] = "C6EFCE",
        ["Nonaktif"] = "E7E6E6",
    };

    public static readonly SheetLayout<EmployeeLine> Layout = new SheetLayout<EmployeeLine>()
        .RowNumber()
        .Text("NIP", 21, e => e.Nip)
        .Text("Nama", 30, e => e.Name, ColumnTotal.Count)
        .Text("Jabatan", 38, e => e.Position)
        .Text("Jenis kepegawaian", 18, e => e.Type.Label())
        .Text("Unit", 60, e => e.UnitPath)
        .Text("Atasan langsung", 30, e => e.Superior)
        .Code("Status", 11, e => e.IsActive ? "Aktif" : "Nonaktif", StatusFills)
        .WithTotals("Jumlah pegawai");

    public string Key => "daftar-pegawai";

    /// <summary>The download link for the page's current filters.</summary>
    public static string Link(int? unitId, string? text, bool? active)
    {
        var query = new List<string>();
        if (unitId is int u)
        {
            query.Add($"unit={u}");
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            query.Add($"q={Uri.EscapeDataString(text.Trim())}");
        }
        if (active is bool a)
        {
            query.Add($"active={(a ? "true" : "false")}");
        }
        return query.Count == 0 ? Path : $"{Path}?{string.Join('&', query)}";
    }

    public async Task<ReportDocument> BuildAsync(EmployeeListRequest request, CancellationToken ct)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var scope = await organization.ScopeAsync(db, tree, ct);

        var chosen = (request.Unit ?? []).Distinct().ToList();
        foreach (var id in chosen)
        {
            if (!tree.Contains(id))
            {
                throw new NotFoundException("Unit tidak ditemukan.");
            }
            if (!scope.Contains(id))
            {
                throw new ForbiddenException($"{tree[id].Name} berada di luar unit Anda; Anda hanya dapat mengunduh data pegawai unit yang Anda pimpin.");
            }
        }
        var units = chosen.Count == 0 ? scope : chosen.SelectMany(tree.SubtreeOf).Where(scope.Contains).ToHashSet();
        var query = new EmployeeQuery(request.Q, Active: request.Active);

        var counts = await OrganizationService.Filter(db.Employees.AsNoTracking(), units, query)
            .GroupBy(e => e.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var rowsByOpd = counts.GroupBy(c => tree.OpdOf(c.UnitId)!.Id).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

        var sheets = units.GroupBy(u => tree.OpdOf(u)!.Id)
            .Where(g => rowsByOpd.ContainsKey(g.Key))
            .OrderBy(g => tree[g.Key].Kind == UnitKind.Pemkab ? -1 : tree[g.Key].SortOrder)
            .Select(g => (IReportSheet)new ReportSheet<EmployeeLine>(
                tree[g.Key].Code, LabelOf(tree, g), Layout, RowsAsync(g.ToList(), query, tree, ct), rowsByOpd[g.Key]))
            .ToList();
        var selection = chosen.Count > 0 ? chosen : Roots(tree, scope).ToList();
        if (sheets.Count == 0)
        {
            var opd = selection.Count > 0 ? tree.OpdOf(selection[0]) : null;
            sheets.Add(new ReportSheet<EmployeeLine>(opd?.Code ?? "Pegawai", LabelOf(tree, units), Layout, Array.Empty<EmployeeLine>()));
        }

        var fileScope = selection.Count == 1 && tree[selection[0]].Kind != UnitKind.Pemkab ? ReportUnitNames.Of(tree, selection[0])
            : chosen.Count > 1 ? $"{chosen.Count} unit" : "semua unit";
        return new ReportDocument
        {
            Title = "Daftar Pegawai",
            PeriodLabel = ReportPeriod.AsOf(clock.Today),
            FileName = ReportFileName.Create(Key, fileScope, clock.Today),
            Sheets = sheets,
            Filters = Describe(tree, chosen, request),
        };
    }

    private async IAsyncEnumerable<EmployeeLine> RowsAsync(List<int> units, EmployeeQuery query, UnitTree tree, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = OrganizationService.Filter(db.Employees.AsNoTracking(), units, query)
            .OrderBy(e => e.Name)
            .Select(e => new
            {
                e.Nip, e.Name, e.Position, e.EmploymentType, e.UnitId,
                Superior = e.Superior != null ? e.Superior.Name : null,
                e.IsActive,
            })
            .AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
        {
            yield return new EmployeeLine(e.Nip, e.Name, e.Position, e.EmploymentType, tree.PathOf(e.UnitId), e.Superior, e.IsActive);
        }
    }

    /// <summary>The top units of a selection (those whose parent is not selected too).</summary>
    private static IEnumerable<int> Roots(UnitTree tree, IReadOnlyCollection<int> units) =>
        units.Where(u => tree[u].ParentId is not int parent || !units.Contains(parent))
            .OrderBy(u => tree[u].SortOrder).ThenBy(u => tree[u].Name, StringComparer.Ordinal);

    /// <summary>"Dinas Komunikasi dan Informatika", or the selected sub-units' paths when only part of an OPD is chosen.</summary>
    private static string LabelOf(UnitTree tree, IEnumerable<int> units)
    {
        var set = units.ToHashSet();
        var roots = Roots(tree, set).ToList();
        var names = roots.Select(u => tree.PathOf(u) is { Length: > 0 } path ? path : tree[u].Name).ToList();
        return names.Count switch
        {
            0 => "-",
            <= 3 => string.Join("; ", names),
            _ => $"{names.Count} unit",
        };
    }

    private static string Describe(UnitTree tree, List<int> chosen, EmployeeListRequest request)
    {
        var parts = new List<string>
        {
            chosen.Count == 0 ? "unit: semua dalam cakupan" : $"unit: {string.Join(", ", chosen.Select(u => tree[u].Code))} (dengan sub-unit)",
            request.Active switch { true => "status: aktif", false => "status: nonaktif", null => "status: semua" },
        };
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            parts.Add($"teks: '{request.Q.Trim()}'");
        }
        return string.Join("; ", parts);
    }
}
