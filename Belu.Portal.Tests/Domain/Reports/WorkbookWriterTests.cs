using System.IO.Compression;
using Belu.Portal.Features.Reports.Pipeline;
using ClosedXML.Excel;
using static Belu.Portal.Tests.Domain.Reports.SampleWorkbook;

namespace Belu.Portal.Tests.Domain.Reports;

public class WorkbookWriterTests
{
    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task TheTitleBlockNamesTheRegencyReportUnitPeriodAndPrinter(IWorkbookWriter writer)
    {
        using var book = Open(await WriteAsync(writer, OneSheet()));
        var ws = book.Worksheet(1);
        Assert.Equal("DISKOMINFO", ws.Name);
        Assert.Equal("Pemerintah Kabupaten Belu", ws.Cell("A1").GetString());
        Assert.True(ws.Cell("A1").Style.Font.Bold);
        Assert.Equal(14, ws.Cell("A1").Style.Font.FontSize);
        Assert.Equal("Rekap Uji", ws.Cell("A2").GetString());
        Assert.Equal("Unit: Dinas Komunikasi dan Informatika", ws.Cell("A3").GetString());
        Assert.Equal("Periode: 1 November 2026 s.d. 30 November 2026", ws.Cell("A4").GetString());
        Assert.Equal("Dicetak: 28/11/2026 14:05 WITA", ws.Cell("A5").GetString());
        Assert.Equal("Dicetak oleh: Kepala Dinas (pimpinan)", ws.Cell("A6").GetString());
        Assert.True(ws.Cell("A7").IsEmpty());
    }

    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task TheHeaderRowIsBoldFrozenFilteredAndRepeatedOnEveryPrintedPage(IWorkbookWriter writer)
    {
        using var book = Open(await WriteAsync(writer, OneSheet()));
        var ws = book.Worksheet(1);
        string[] headers = ["No", "NIP", "Nama", "Surat", "Nilai (Rp)", "Potongan TPP", "Tanggal", "Masuk (WITA)", "Kode"];
        for (var c = 0; c < headers.Length; c++)
        {
            var cell = ws.Cell(SheetPlan.HeaderRow, c + 1);
            Assert.Equal(headers[c], cell.GetString());
            Assert.True(cell.Style.Font.Bold);
            Assert.Equal(XLColor.FromHtml("#D9E1F2").Color.ToArgb(), cell.Style.Fill.BackgroundColor.Color.ToArgb());
        }
        Assert.Equal(8, ws.SheetView.SplitRow);
        Assert.Equal(0, ws.SheetView.SplitColumn);
        Assert.Equal("A8:I13", ws.AutoFilter.Range.RangeAddress.ToString());

        double[] widths = [5, 21, 30, 9, 14, 12, 12, 17, 8];
        for (var c = 0; c < widths.Length; c++)
        {
            Assert.Equal(widths[c], ws.Column(c + 1).Width, 2);
        }

        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
        Assert.Equal(1, ws.PageSetup.PagesWide);
        Assert.Equal(0, ws.PageSetup.PagesTall);
        Assert.Equal(8, ws.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(8, ws.PageSetup.LastRowToRepeatAtTop);
    }

    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task CellsAreTypedAndFormattedTheIndonesianWay(IWorkbookWriter writer)
    {
        using var book = Open(await WriteAsync(writer, OneSheet()));
        var ws = book.Worksheet(1);
        var first = ws.Row(SheetPlan.FirstDataRow);

        Assert.Equal(XLDataType.Number, first.Cell(1).DataType);
        Assert.Equal(1, first.Cell(1).GetDouble());

        var nip = first.Cell(2);
        Assert.Equal(XLDataType.Text, nip.DataType);
        Assert.Equal("198503102010011001", nip.GetString());
        Assert.Equal(49, nip.Style.NumberFormat.NumberFormatId);

        Assert.Equal(XLDataType.Number, first.Cell(4).DataType);
        Assert.Equal(1234567, first.Cell(4).GetDouble());
        Assert.Equal("#,##0", first.Cell(4).Style.NumberFormat.Format);

        Assert.Equal(1234.5, first.Cell(5).GetDouble());
        Assert.Equal("#,##0.00", first.Cell(5).Style.NumberFormat.Format);

        Assert.Equal(0.025, first.Cell(6).GetDouble(), 10);
        Assert.Equal("0.00%", first.Cell(6).Style.NumberFormat.Format);

        Assert.Equal(XLDataType.DateTime, first.Cell(7).DataType);
        Assert.Equal(new DateTime(2026, 11, 2), first.Cell(7).GetDateTime());
        Assert.Equal("dd/mm/yyyy", first.Cell(7).Style.NumberFormat.Format);

        // 23:31 UTC on 2 November is 07:31 WITA on 3 November.
        Assert.Equal(XLDataType.DateTime, first.Cell(8).DataType);
        Assert.Equal(new DateTime(2026, 11, 3, 7, 31, 0), first.Cell(8).GetDateTime());
        Assert.Equal("dd/mm/yyyy hh:mm", first.Cell(8).Style.NumberFormat.Format);

        Assert.Equal("TL1", first.Cell(9).GetString());
        Assert.Equal(XLColor.FromHtml("#FFEB9C").Color.ToArgb(), first.Cell(9).Style.Fill.BackgroundColor.Color.ToArgb());
        Assert.Equal(XLAlignmentHorizontalValues.Center, first.Cell(9).Style.Alignment.Horizontal);
        var unknownCode = ws.Cell(SheetPlan.FirstDataRow + 2, 9);
        Assert.Equal("DL", unknownCode.GetString());
        Assert.Equal(XLFillPatternValues.None, unknownCode.Style.Fill.PatternType);

        var noNip = ws.Cell(SheetPlan.FirstDataRow + 1, 2);
        Assert.True(noNip.IsEmpty());
        Assert.Equal(XLBorderStyleValues.Thin, noNip.Style.Border.BottomBorder);
    }

    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task TextThatLooksLikeAFormulaStaysText(IWorkbookWriter writer)
    {
        var bytes = await WriteAsync(writer, OneSheet());
        using var book = Open(bytes);
        var ws = book.Worksheet(1);
        for (var i = 1; i < Lines.Length; i++)
        {
            var cell = ws.Cell(SheetPlan.FirstDataRow + i, 3);
            Assert.Equal(Lines[i].Name, cell.GetString());
            Assert.False(cell.HasFormula, $"{Lines[i].Name} became a formula");
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.True(cell.Style.IncludeQuotePrefix, $"{Lines[i].Name} has no quote prefix");
        }
        Assert.False(ws.Cell(SheetPlan.FirstDataRow, 3).Style.IncludeQuotePrefix);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.Contains("<x:c ", xml.Replace("<c ", "<x:c "));
            Assert.DoesNotMatch(@"<(\w+:)?f[ >]", xml);
        }
    }

    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task TheTotalsRowSumsAndCountsTheColumns(IWorkbookWriter writer)
    {
        using var book = Open(await WriteAsync(writer, OneSheet()));
        var totals = book.Worksheet(1).Row(SheetPlan.FirstDataRow + Lines.Length);
        Assert.Equal("Jumlah", totals.Cell(1).GetString());
        Assert.True(totals.Cell(1).Style.Font.Bold);
        Assert.Equal(5, totals.Cell(3).GetDouble());
        Assert.Equal(1234567 + 3 + 0 + 10 + 20, totals.Cell(4).GetDouble());
        Assert.Equal(1234.5 + 0.25 + 10 + 0 + 5.75, totals.Cell(5).GetDouble(), 6);
        Assert.True(totals.Cell(6).IsEmpty());
    }

    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task AnEmptyPeriodSaysSoInsteadOfFailing(IWorkbookWriter writer)
    {
        using var book = Open(await WriteAsync(writer, OneSheet([])));
        var ws = book.Worksheet(1);
        Assert.Equal("No", ws.Cell(SheetPlan.HeaderRow, 1).GetString());
        Assert.Equal(SheetPlan.EmptyMessage, ws.Cell(SheetPlan.FirstDataRow, 1).GetString());
        Assert.Equal("Tidak ada data untuk periode ini.", SheetPlan.EmptyMessage);
        Assert.True(ws.Cell(SheetPlan.FirstDataRow + 1, 1).IsEmpty());
        Assert.Equal("A8:I8", ws.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(8, ws.SheetView.SplitRow);
    }

    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task EachUnitGetsItsOwnSheetWithItsOwnTitle(IWorkbookWriter writer)
    {
        var document = Document(
            ("DISKOMINFO", "Dinas Komunikasi dan Informatika", Lines[..2]),
            ("DINKES", "Dinas Kesehatan", Lines[2..]),
            ("Sekretariat: Bagian [Umum]/Keuangan dan Perlengkapan", "Sekretariat Daerah", []));
        using var book = Open(await WriteAsync(writer, document));
        Assert.Equal(["DISKOMINFO", "DINKES", "Sekretariat- Bagian -Umum--Keua"], book.Worksheets.Select(w => w.Name));
        Assert.Equal("Unit: Dinas Kesehatan", book.Worksheet(2).Cell("A3").GetString());
        Assert.Equal(Lines[2].Nip, book.Worksheet(2).Cell(SheetPlan.FirstDataRow, 2).GetString());
        Assert.Equal(1, book.Worksheet(2).Cell(SheetPlan.FirstDataRow, 1).GetDouble());
        Assert.Equal("A8:I11", book.Worksheet(2).AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(SheetPlan.EmptyMessage, book.Worksheet(3).Cell(SheetPlan.FirstDataRow, 1).GetString());
        Assert.All(book.Worksheets, ws => Assert.Equal(8, ws.PageSetup.FirstRowToRepeatAtTop));
    }

    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task ControlCharactersFromPastedTextDoNotBreakTheFile(IWorkbookWriter writer)
    {
        var pasted = Lines[0] with { Name = "Nama\u0001 dengan\u0008 sisa\uFFFF tempelan 😀\ud800", Nip = "\u000b198503102010011001" };
        using var book = Open(await WriteAsync(writer, Document(("UJI", "Unit\u0002 Uji", [pasted]))));
        var ws = book.Worksheet(1);
        Assert.Equal("Unit: Unit Uji", ws.Cell("A3").GetString());
        Assert.Equal("198503102010011001", ws.Cell(SheetPlan.FirstDataRow, 2).GetString());
        Assert.Equal("Nama dengan sisa tempelan 😀", ws.Cell(SheetPlan.FirstDataRow, 3).GetString());
    }

    [Fact]
    public async Task TheStreamingWriterProducesTheSameCellsAsClosedXml()
    {
        var document = Document(("DISKOMINFO", "Dinas Komunikasi dan Informatika", Lines), ("KOSONG", "Dinas Kosong", []));
        using var expected = Open(await WriteAsync(new ClosedXmlWorkbookWriter(), document));
        using var actual = Open(await WriteAsync(new StreamingWorkbookWriter(), document));

        Assert.Equal(expected.Worksheets.Select(w => w.Name), actual.Worksheets.Select(w => w.Name));
        foreach (var (e, a) in expected.Worksheets.Zip(actual.Worksheets))
        {
            Assert.Equal(e.SheetView.SplitRow, a.SheetView.SplitRow);
            Assert.Equal(e.AutoFilter.Range.RangeAddress.ToString(), a.AutoFilter.Range.RangeAddress.ToString());
            Assert.Equal(e.PageSetup.PageOrientation, a.PageSetup.PageOrientation);
            Assert.Equal((e.PageSetup.PagesWide, e.PageSetup.PagesTall), (a.PageSetup.PagesWide, a.PageSetup.PagesTall));
            Assert.Equal((e.PageSetup.FirstRowToRepeatAtTop, e.PageSetup.LastRowToRepeatAtTop), (a.PageSetup.FirstRowToRepeatAtTop, a.PageSetup.LastRowToRepeatAtTop));
            Assert.Equal(e.LastRowUsed().RowNumber(), a.LastRowUsed().RowNumber());
            for (var c = 1; c <= 9; c++)
            {
                Assert.Equal(e.Column(c).Width, a.Column(c).Width, 2);
            }
            var cells = 0;
            for (var r = 1; r <= e.LastRowUsed().RowNumber(); r++)
            {
                for (var c = 1; c <= 9; c++)
                {
                    Assert.Equal(Describe(e.Cell(r, c)), Describe(a.Cell(r, c)));
                    cells++;
                }
            }
            Assert.True(cells >= 9 * 9);
        }
    }

    /// <summary>What a reader sees of a cell: value, type and look.</summary>
    private static string Describe(IXLCell cell)
    {
        var s = cell.Style;
        var format = s.NumberFormat.Format is { Length: > 0 } f ? f : $"#{s.NumberFormat.NumberFormatId}";
        var fill = s.Fill.PatternType == XLFillPatternValues.None ? "-" : s.Fill.BackgroundColor.Color.ToArgb().ToString("X8");
        return $"{cell.Address}: {cell.DataType} '{cell.GetString()}' fmt={format} bold={s.Font.Bold} italic={s.Font.Italic} size={s.Font.FontSize} "
            + $"fill={fill} border={s.Border.TopBorder}/{s.Border.BottomBorder} align={s.Alignment.Horizontal} wrap={s.Alignment.WrapText} quote={s.IncludeQuotePrefix} formula={cell.HasFormula}";
    }

    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task SpacesAtTheEndsOfATextAndInsideItAreKept(IWorkbookWriter writer)
    {
        var line = Lines[0] with { Name = "  Nama  dengan   spasi  ", Nip = "tanpa spasi di ujung" };
        using var book = Open(await WriteAsync(writer, OneSheet([line])));
        var ws = book.Worksheet(1);
        Assert.Equal("  Nama  dengan   spasi  ", ws.Cell(SheetPlan.FirstDataRow, 3).GetString());
        Assert.Equal("tanpa spasi di ujung", ws.Cell(SheetPlan.FirstDataRow, 2).GetString());
    }
}
