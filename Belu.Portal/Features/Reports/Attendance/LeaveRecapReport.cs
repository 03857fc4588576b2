using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Leave;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Reports.Pipeline;

namespace Belu.Portal.Features.Reports.Attendance;

/// <summary>The unit (with its sub-units; the caller's own unit when absent) and the year (this year when absent).</summary>
public sealed record LeaveRecapRequest(int? Unit, int? Year);

/// <summary>
/// "Rekap Cuti Tahunan per Unit": a row per employee with the working days of approved cuti of each kind in the year
/// and what is left of the annual right for N-2, N-1 and N, as the leave form's catatan cuti shows it. The figures are
/// <see cref="LeaveRecapQuery"/>'s, under the monthly recap's scope.
/// </summary>
public sealed class LeaveRecapReport(LeaveRecapQuery recaps, AttendanceReportService attendance, CurrentUser currentUser, OfficeClock clock)
    : IReport<LeaveRecapRequest>
{
    public const string Path = "/laporan/rekap-cuti.xlsx";

    /// <summary>The kinds a request can carry, in the form's order (cuti bersama is a holiday, never requested).</summary>
    public static readonly LeaveKind[] Kinds = [.. Enum.GetValues<LeaveKind>().Where(k => k != LeaveKind.Bersama)];

    public string Key => "rekap-cuti";

    public static string Link(int unit, int year) =>
        ReportLink.Build(Path, ("unit", unit.ToString(CultureInfo.InvariantCulture)), ("year", year.ToString(CultureInfo.InvariantCulture)));

    public static SheetLayout<LeaveRecapRow> Layout(int year)
    {
        var layout = new SheetLayout<LeaveRecapRow>()
            .RowNumber()
            .Text("NIP", 20, r => r.Employee.Nip)
            .Text("Nama", 28, r => r.Employee.Name, ColumnTotal.Count)
            .Text("Jabatan", 26, r => r.Employee.Position)
            .Text("Unit", 30, r => r.UnitName)
            .Integer("Hak cuti tahunan", 10, r => r.Balance.Right, ColumnTotal.Sum);
        foreach (var kind in Kinds)
        {
            layout.Integer($"{kind.Label()} (hari kerja)", 12, r => r.DaysOf(kind), ColumnTotal.Sum);
        }
        return layout
            .Integer(AttendanceRecapReport.LeaveHeader("N-2", year - 2), 10, r => r.Balance.LeftN2, ColumnTotal.Sum)
            .Integer(AttendanceRecapReport.LeaveHeader("N-1", year - 1), 10, r => r.Balance.LeftN1, ColumnTotal.Sum)
            .Integer(AttendanceRecapReport.LeaveHeader("N", year), 10, r => r.Balance.LeftN, ColumnTotal.Sum)
            .Integer("Jumlah sisa", 10, r => r.Balance.Left, ColumnTotal.Sum)
            .WithTotals();
    }

    public async Task<ReportDocument> BuildAsync(LeaveRecapRequest request, CancellationToken ct)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        var today = clock.Today;
        var year = request.Year ?? today.Year;
        if (year < 2000 || year > today.Year + 1)
        {
            throw new ValidationException($"Tahun {year} tidak dapat diunduh: pilih tahun 2000 sampai {today.Year + 1}.");
        }
        var (tree, _, home) = await attendance.ScopeAsync(ct);
        var unit = request.Unit ?? home ?? throw new ForbiddenException("Akun ini tidak terhubung dengan unit.");
        var recap = await recaps.YearAsync(unit, year, ct);
        var unitName = ReportUnitNames.Of(tree, unit);
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        return new ReportDocument
        {
            Title = "Rekap Cuti Tahunan per Unit",
            PeriodLabel = year == today.Year ? $"Tahun {yearText} — {ReportPeriod.AsOf(today)}" : $"Tahun {yearText}",
            FileName = ReportFileName.Create(Key, unitName, yearText),
            Sheets = [new ReportSheet<LeaveRecapRow>($"{unitName} {yearText}", tree.PathOf(unit) is { Length: > 0 } path ? path : recap.UnitName, Layout(year), recap.Rows.ToList())],
            Filters = $"unit: {tree[unit].Code} (dengan sub-unit); tahun {yearText}",
        };
    }
}
