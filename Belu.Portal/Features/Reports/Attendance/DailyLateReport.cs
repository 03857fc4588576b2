using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Reports.Pipeline;

namespace Belu.Portal.Features.Reports.Attendance;

/// <summary>The today page's unit and a date (today when absent).</summary>
public sealed record DailyLateRequest(int? Unit, DateOnly? Date);

/// <summary>
/// "Daftar Terlambat Harian": who arrived late on a day in the unit (and its sub-units), the most minutes first,
/// as the today page lists them.
/// </summary>
public sealed class DailyLateReport(AttendanceReportService attendance, CurrentUser currentUser, OfficeClock clock)
    : IReport<DailyLateRequest>
{
    public const string Path = "/laporan/terlambat-harian.xlsx";

    public static readonly SheetLayout<TodayRow> Layout = new SheetLayout<TodayRow>()
        .RowNumber()
        .Text("NIP", 20, r => r.Employee.Nip)
        .Text("Nama", 30, r => r.Employee.Name, ColumnTotal.Count)
        .Text("Jabatan", 32, r => r.Employee.Position)
        .Text("Unit", 34, r => r.UnitName)
        .Code("Kode", 8, r => r.Result.Late?.ToString(), AttendanceCodeFills.ByText)
        .Time("Masuk (WITA)", 10, r => r.Result.CheckIn)
        .Time("Pulang (WITA)", 10, r => r.Result.CheckOut)
        .Integer("Terlambat (menit)", 12, r => r.Result.CheckIn is null ? null : r.Result.LateMinutes, ColumnTotal.Sum)
        .Text("Keterangan", 24, r => r.Result.CheckIn is null ? "Tanpa absen masuk" : null)
        .WithTotals();

    public string Key => "terlambat-harian";

    public static string Link(int? unit, DateOnly? date) => ReportLink.Build(Path,
        ("unit", unit?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("date", ReportLink.Date(date)));

    public async Task<ReportDocument> BuildAsync(DailyLateRequest request, CancellationToken ct)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        var today = clock.Today;
        var date = request.Date ?? today;
        if (date > today)
        {
            throw new ValidationException("Tanggal belum tiba: daftar terlambat hanya untuk hari ini atau hari yang telah lewat.");
        }
        var (tree, _, home) = await attendance.ScopeAsync(ct);
        var unit = request.Unit ?? home ?? throw new ForbiddenException("Akun ini tidak terhubung dengan unit.");
        var view = await attendance.DayAsync(unit, date, ct);
        var late = view.Rows.Where(r => r.State == TodayState.Terlambat)
            .OrderByDescending(r => r.Result.CheckIn is null ? int.MaxValue : r.Result.LateMinutes).ThenBy(r => r.Employee.Name, StringComparer.Ordinal)
            .ToList();
        return new ReportDocument
        {
            Title = "Daftar Terlambat Harian",
            PeriodLabel = ReportPeriod.Create(date, date, 1).Label,
            FileName = ReportFileName.Create(Key, ReportUnitNames.Of(tree, unit), date),
            Sheets = [new ReportSheet<TodayRow>(ReportUnitNames.Of(tree, unit), tree.PathOf(unit) is { Length: > 0 } path ? path : tree[unit].Name, Layout, late)],
            Filters = $"unit: {tree[unit].Code} (dengan sub-unit); tanggal {date:yyyy-MM-dd}",
        };
    }
}
