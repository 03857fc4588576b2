using Belu.Portal.Features.Reports.Pipeline;
using ClosedXML.Excel;
using static Belu.Portal.Tests.Domain.Reports.SampleWorkbook;

namespace Belu.Portal.Tests.Domain.Reports;

/// <summary>A time of day (a check-in) is a typed time cell in both writers, not text.</summary>
public class TimeCellTests
{
    public sealed record Punch(string Name, TimeOnly? CheckIn);

    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task ATimeOfDayIsWrittenAsAnExcelTimeShownHoursAndMinutes(IWorkbookWriter writer)
    {
        var layout = new SheetLayout<Punch>().RowNumber().Text("Nama", 20, p => p.Name).Time("Masuk (WITA)", 10, p => p.CheckIn);
        var document = new ReportDocument
        {
            Title = "Daftar Terlambat Harian",
            PeriodLabel = "27 November 2026",
            FileName = "terlambat.xlsx",
            Sheets = [new ReportSheet<Punch>("UJI", "Unit Uji", layout, [new("A", new TimeOnly(7, 31)), new("B", null), new("C", new TimeOnly(23, 59))])],
        };

        using var book = Open(await WriteAsync(writer, document));

        var ws = book.Worksheet(1);
        var first = ws.Cell(SheetPlan.FirstDataRow, 3);
        Assert.Equal(XLDataType.DateTime, first.DataType);
        Assert.Equal(new TimeSpan(7, 31, 0), first.GetDateTime().TimeOfDay);
        Assert.Equal(ReportStyles.TimeFormat, first.Style.NumberFormat.Format);
        Assert.True(ws.Cell(SheetPlan.FirstDataRow + 1, 3).IsEmpty());
        Assert.Equal(new TimeSpan(23, 59, 0), ws.Cell(SheetPlan.FirstDataRow + 2, 3).GetDateTime().TimeOfDay);
    }
}
