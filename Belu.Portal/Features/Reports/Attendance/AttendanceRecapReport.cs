using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Reports.Pipeline;

namespace Belu.Portal.Features.Reports.Attendance;

/// <summary>The recap page's filters: one or more units (each with its sub-units) and a period within one month.</summary>
public sealed record AttendanceRecapRequest(int[]? Unit, DateOnly? From, DateOnly? To);

/// <summary>
/// "Rekap Absensi Bulanan": employees × days of the month with the daily codes coloured as on the recap page, days
/// off marked L, the totals of each code, the minutes late and the month's TPP deduction; a sheet per unit chosen.
/// The grid is the recap page's own (<see cref="AttendanceReportService.RecapAsync"/>), so scope and figures match.
/// </summary>
public sealed class AttendanceRecapReport(AttendanceReportService attendance, CurrentUser currentUser, OfficeClock clock)
    : IReport<AttendanceRecapRequest>
{
    public const string Path = "/laporan/rekap-absensi.xlsx";

    /// <summary>A sheet is one calendar month: its width is the days, and the deduction is monthly.</summary>
    public const int MaxDays = 31;

    public const int FirstDayColumn = 5;

    public string Key => "rekap-absensi";

    public static string Link(IEnumerable<int> units, int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return ReportLink.Build(Path, [.. ReportLink.Many("unit", units), ("from", ReportLink.Date(from)), ("to", ReportLink.Date(from.AddMonths(1).AddDays(-1)))]);
    }

    public async Task<ReportDocument> BuildAsync(AttendanceRecapRequest request, CancellationToken ct)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        var today = clock.Today;
        var from = request.From ?? new DateOnly(today.Year, today.Month, 1);
        var to = request.To ?? from.AddMonths(1).AddDays(-1);
        if (to >= from && (from.Year != to.Year || from.Month != to.Month))
        {
            throw new ValidationException(
                $"Rekap absensi dibuat per bulan: periode {to.DayNumber - from.DayNumber + 1} hari melewati satu bulan. Pilih satu bulan (paling lama {MaxDays} hari).");
        }
        ReportPeriod.Create(from, to, MaxDays);
        var first = new DateOnly(from.Year, from.Month, 1);
        var period = ReportPeriod.Create(first, first.AddMonths(1).AddDays(-1), MaxDays);

        var (tree, _, home) = await attendance.ScopeAsync(ct);
        var units = (request.Unit ?? []).Distinct().ToList();
        if (units.Count == 0)
        {
            units = home is int h ? [h] : throw new ForbiddenException("Akun ini tidak terhubung dengan unit.");
        }
        var sheets = new List<IReportSheet>();
        foreach (var unit in units)
        {
            // Every unit is checked (and refused with 403) before anything is written.
            var grid = await attendance.RecapAsync(unit, first.Year, first.Month, ct);
            sheets.Add(new ReportSheet<RecapRow>(ReportUnitNames.Of(tree, unit), tree.PathOf(unit) is { Length: > 0 } path ? path : grid.UnitName, Layout(grid), grid.Rows));
        }
        return new ReportDocument
        {
            Title = "Rekap Absensi Bulanan",
            PeriodLabel = period.Label,
            FileName = ReportFileName.Create(Key, units.Count == 1 ? ReportUnitNames.Of(tree, units[0]) : $"{units.Count} unit", ReportFileName.PeriodOf(period.From, period.To)),
            Sheets = sheets,
            Filters = $"unit: {string.Join(", ", units.Select(u => tree[u].Code))} (dengan sub-unit); bulan {first:yyyy-MM}",
        };
    }

    /// <summary>The columns of a month: who, one per day, one per code, minutes late, deduction.</summary>
    public static SheetLayout<RecapRow> Layout(RecapGrid grid)
    {
        var layout = new SheetLayout<RecapRow>()
            .RowNumber()
            .Text("NIP", 20, r => r.Employee.Nip)
            .Text("Nama", 28, r => r.Employee.Name, ColumnTotal.Count)
            .Text("Jabatan", 26, r => r.Employee.Position);
        for (var i = 0; i < grid.Days.Count; i++)
        {
            var index = i;
            var day = grid.Days[i];
            layout.Code(day.Date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), 5, r => DayText(day, r.Days[index]), AttendanceCodeFills.ByText);
        }
        foreach (var code in AttendanceCodes.Recap)
        {
            layout.Integer(code.ToString(), 6, r => r.Totals.GetValueOrDefault(code), ColumnTotal.Sum);
        }
        layout
            .Integer("Menit terlambat", 10, r => r.Days.Sum(d => d?.LateMinutes ?? 0), ColumnTotal.Sum)
            .Percentage("Potongan TPP", 10, r => r.DeductionPercent / 100m);
        if (grid.AnnualLeave is not null)
        {
            // The cuti tahunan balance of the recap's year, as the page shows it beside the name (docs/domain/leave.md).
            layout
                .Integer(LeaveHeader("N-2", grid.Year - 2), 10, r => grid.LeaveOf(r.Employee.Id)?.LeftN2)
                .Integer(LeaveHeader("N-1", grid.Year - 1), 10, r => grid.LeaveOf(r.Employee.Id)?.LeftN1)
                .Integer(LeaveHeader("N", grid.Year), 10, r => grid.LeaveOf(r.Employee.Id)?.LeftN);
        }
        if (grid.Letters is { Count: > 0 })
        {
            // The page links a DL day to its Surat Tugas; a sheet cannot, so it names the letters beside the row.
            layout.Text(DutyLettersHeader, 34, r => DutyLetterNumbers(grid, r));
        }
        return layout.WithTotals();
    }

    public const string DutyLettersHeader = "Surat Tugas (DL)";

    /// <summary>"Sisa cuti N (2026)".</summary>
    public static string LeaveHeader(string column, int year) => $"Sisa cuti {column} ({year})";

    /// <summary>The numbers of the signed Surat Tugas behind the row's DL days in the month, in date order.</summary>
    public static string? DutyLetterNumbers(RecapGrid grid, RecapRow row)
    {
        var numbers = grid.Days.Select((day, i) => row.Days[i] is { Code: AttendanceCode.DL } ? grid.LetterOf(row.Employee.Id, day.Date)?.Number : null)
            .OfType<string>().Distinct().ToList();
        return numbers.Count == 0 ? null : string.Join("; ", numbers);
    }

    /// <summary>The code of a day as the recap page shows it; a day off says L even when nothing is stored for it.</summary>
    public static string? DayText(RecapDay day, DayResult? result) => result switch
    {
        { Code: AttendanceCode.Libur } => AttendanceCodeFills.OffText,
        { Code: AttendanceCode.Belum } => day.IsWorkingDay ? null : AttendanceCodeFills.OffText,
        DayResult r => r.Display,
        null => day.IsWorkingDay ? null : AttendanceCodeFills.OffText,
    };
}
