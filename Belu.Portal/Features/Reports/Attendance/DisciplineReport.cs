using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Reports.Pipeline;

namespace Belu.Portal.Features.Reports.Attendance;

/// <summary>The year the page shows (this year when absent).</summary>
public sealed record DisciplineRequest(int? Year);

/// <summary>
/// "Pantauan Disiplin (PP 94/2021)": the rows of the page, as the page reads them, for a clerk to file or forward.
/// Whoever sees more than their own line on the page may download it (an admin or a BKPSDM leader the regency, another
/// leader his units); a plain Pegawai gets 403 and no data.
/// </summary>
public sealed class DisciplineReport(AttendanceReportService attendance, OfficeClock clock) : IReport<DisciplineRequest>
{
    public const string Path = "/laporan/pantauan-disiplin.xlsx";

    /// <summary>The page offers this year and the two before it; older years are read the same way.</summary>
    public const int FirstYear = 2000;

    public static readonly SheetLayout<DisciplineRow> Layout = new SheetLayout<DisciplineRow>()
        .RowNumber()
        .Text("NIP", 20, r => r.Employee.Nip ?? "non-ASN")
        .Text("Nama", 30, r => r.Employee.Name, ColumnTotal.Count)
        .Text("Jabatan", 30, r => r.Employee.Position)
        .Text("Unit", 34, r => r.UnitName)
        .Integer("TK tahun ini (hari)", 12, r => r.Assessment.TkDays)
        .Integer("TK berturut-turut terpanjang (hari)", 14, r => r.Assessment.LongestRun)
        .Text("Hukuman", 10, r => r.Assessment.Level == DisciplineLevel.None ? null : r.Assessment.Level.Category())
        .Text("Tingkat tercapai", 44, r => r.Assessment.Level == DisciplineLevel.None ? null : r.Assessment.Level.Label())
        .Integer("Hari lagi ke tingkat berikutnya", 14, r => r.Assessment.DaysToNext)
        .Text("Tingkat berikutnya", 44, r => r.Assessment.Next?.Label())
        .WithTotals();

    public string Key => "pantauan-disiplin";

    public static string Link(int? year) => ReportLink.Build(Path, ("year", year?.ToString(CultureInfo.InvariantCulture)));

    public async Task<ReportDocument> BuildAsync(DisciplineRequest request, CancellationToken ct)
    {
        var today = clock.Today;
        var year = request.Year ?? today.Year;
        if (year < FirstYear || year > today.Year)
        {
            throw new ValidationException($"Tahun {year} tidak dapat diunduh: pilih tahun {FirstYear} sampai {today.Year}.");
        }
        var audience = await attendance.DisciplineAudienceAsync(ct);
        if (audience.SelfOnly)
        {
            throw new ForbiddenException("Unduhan pantauan disiplin hanya untuk pimpinan dan admin.");
        }
        var tree = audience.Tree;
        var unit = audience.Everyone ? tree.Roots.First().Id : audience.MyUnit;
        var unitName = ReportUnitNames.Of(tree, unit);
        var unitLabel = audience.Everyone ? tree[unit].Name : tree.PathOf(unit) is { Length: > 0 } path ? path : tree[unit].Name;
        var rows = await attendance.DisciplineAsync(year, ct: ct);
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        return new ReportDocument
        {
            Title = "Pantauan Disiplin (PP 94/2021)",
            // The current year is counted up to the last closed day: say when the count stands.
            PeriodLabel = year == today.Year ? $"Tahun {yearText} — {ReportPeriod.AsOf(today)}" : $"Tahun {yearText}",
            FileName = ReportFileName.Create(Key, unitName, yearText),
            Sheets = [new ReportSheet<DisciplineRow>($"{unitName} {yearText}", unitLabel, Layout, rows.ToList())],
            Filters = $"{(audience.Everyone ? "seluruh kabupaten" : $"unit: {tree[unit].Code} (dengan sub-unit)")}; tahun {yearText}",
        };
    }
}
