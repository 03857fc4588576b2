using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Reports.Pipeline;
using ClosedXML.Excel;

namespace Belu.Portal.Tests.Domain.Reports;

/// <summary>A small report with every kind of cell, written by either writer and read back with ClosedXML.</summary>
public static class SampleWorkbook
{
    public sealed record Line(string? Nip, string Name, long Letters, decimal Amount, decimal Share, DateOnly Day, DateTime AtUtc, string Code);

    public static readonly IReadOnlyDictionary<string, string> CodeFills = new Dictionary<string, string>
    {
        ["H"] = "C6EFCE",
        ["TL1"] = "FFEB9C",
    };

    public static readonly SheetLayout<Line> Layout = new SheetLayout<Line>()
        .RowNumber()
        .Text("NIP", 21, l => l.Nip)
        .Text("Nama", 30, l => l.Name, ColumnTotal.Count)
        .Integer("Surat", 9, l => l.Letters, ColumnTotal.Sum)
        .Decimal("Nilai (Rp)", 14, l => l.Amount, ColumnTotal.Sum)
        .Percentage("Potongan TPP", 12, l => l.Share)
        .Date("Tanggal", 12, l => l.Day)
        .DateTime("Masuk (WITA)", 17, l => l.AtUtc)
        .Code("Kode", 8, l => l.Code, CodeFills)
        .WithTotals();

    public static readonly Line[] Lines =
    [
        new("198503102010011001", $"{DemoNames.FemaleGiven[0]} {DemoNames.Family[0]}", 1234567, 1234.5m, 0.025m, new DateOnly(2026, 11, 2), new DateTime(2026, 11, 2, 23, 31, 0, DateTimeKind.Utc), "TL1"),
        new(null, "=HYPERLINK(\"http://contoh\",\"klik\")", 3, 0.25m, 0m, new DateOnly(2026, 11, 30), new DateTime(2026, 11, 30, 0, 15, 0, DateTimeKind.Utc), "H"),
        new("199001012015032002", "+62 812 0000", 0, 10m, 0.04m, new DateOnly(2026, 12, 1), new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), "DL"),
        new("199202022018011003", "-1", 10, 0m, 0.005m, new DateOnly(2026, 12, 2), new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), "H"),
        new("199303032019022004", "@SUM(A1)", 20, 5.75m, 0.01m, new DateOnly(2026, 12, 3), new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc), "H"),
    ];

    public static readonly ReportStamp Stamp = new("Pemerintah Kabupaten Belu", new DateTime(2026, 11, 28, 14, 5, 0), "WITA", "Kepala Dinas (pimpinan)");

    public static readonly TimeZoneInfo Wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    public static ReportDocument Document(params (string Name, string Unit, IReadOnlyCollection<Line> Rows)[] sheets) => new()
    {
        Title = "Rekap Uji",
        PeriodLabel = "1 November 2026 s.d. 30 November 2026",
        FileName = "rekap-uji-2026-11-28.xlsx",
        Sheets = sheets.Select(s => (IReportSheet)new ReportSheet<Line>(s.Name, s.Unit, Layout, s.Rows)).ToList(),
    };

    public static ReportDocument OneSheet(IReadOnlyCollection<Line>? rows = null) => Document(("DISKOMINFO", "Dinas Komunikasi dan Informatika", rows ?? Lines));

    public static async Task<byte[]> WriteAsync(IWorkbookWriter writer, ReportDocument document)
    {
        using var output = new MemoryStream();
        await writer.WriteAsync(WorkbookPlan.Create(document, Stamp, Wita), output, CancellationToken.None);
        return output.ToArray();
    }

    public static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    public static IEnumerable<object[]> Writers() => [[new ClosedXmlWorkbookWriter()], [new StreamingWorkbookWriter()]];
}
