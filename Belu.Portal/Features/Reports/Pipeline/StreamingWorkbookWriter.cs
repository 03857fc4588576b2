using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>
/// Writes the workbook row by row for large sheets: the sheets with a plain <see cref="XmlWriter"/>, the workbook and
/// styles parts with the Open XML SDK's <see cref="OpenXmlWriter"/> (<see cref="StreamingWorkbookParts"/>); memory
/// stays flat whatever the row count. The SDK's package class needs a readable, seekable stream, so the parts go into a
/// <see cref="ZipArchive"/> (which writes forward only) and reach the output through a small buffer that is drained
/// asynchronously every few rows. Same title block, styles, frozen header, filter, widths and print setup as
/// <see cref="ClosedXmlWorkbookWriter"/>.
/// </summary>
public sealed class StreamingWorkbookWriter : IWorkbookWriter
{
    private const int DrainBytes = 64 * 1024;
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = StreamingWorkbookParts.RelNs;

    public string Name => "streaming";

    public async Task WriteAsync(WorkbookPlan plan, Stream output, CancellationToken ct)
    {
        var buffer = new DrainableStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            StreamingWorkbookParts.WritePackage(zip, plan);
            // The package's first parts leave at once: the download starts (and the first byte arrives) before the
            // first row is read, instead of after the first 64 KB of compressed rows.
            await buffer.DrainAsync(output, ct);
            for (var i = 0; i < plan.Sheets.Count; i++)
            {
                await WriteSheetAsync(zip, plan, plan.Sheets[i], i, buffer, output, ct);
            }
            // Last: the catalogue is complete only once every cell has asked for its style.
            StreamingWorkbookParts.WriteStyles(zip, plan.Styles);
        }
        await buffer.DrainAsync(output, ct);
    }

    private static async Task WriteSheetAsync(ZipArchive zip, WorkbookPlan plan, SheetPlan sheet, int index, DrainableStream buffer, Stream output, CancellationToken ct)
    {
        // The sheet part is written with a plain XmlWriter: the Open XML SDK's writer costs an element lookup and
        // attribute objects per cell, which was most of the time of a 100,000-row register.
        var columnNames = Enumerable.Range(1, sheet.Columns.Count).Select(SheetPlan.ColumnName).ToArray();
        await using var part = zip.CreateEntry($"xl/worksheets/sheet{index + 1}.xml", CompressionLevel.Fastest).Open();
        using var x = StreamingWorkbookParts.CreateXml(part);
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("worksheet", MainNs);
        x.WriteAttributeString("xmlns", "r", null, RelNs);

        x.WriteStartElement("sheetPr", MainNs);
        Empty(x, "pageSetUpPr", ("fitToPage", "1"));
        x.WriteEndElement();
        var firstData = $"A{SheetPlan.FirstDataRow}";
        x.WriteStartElement("sheetViews", MainNs);
        x.WriteStartElement("sheetView", MainNs);
        if (index == 0)
        {
            x.WriteAttributeString("tabSelected", "1");
        }
        x.WriteAttributeString("workbookViewId", "0");
        Empty(x, "pane", ("ySplit", Invariant(SheetPlan.HeaderRow)), ("topLeftCell", firstData), ("activePane", "bottomLeft"), ("state", "frozen"));
        Empty(x, "selection", ("pane", "bottomLeft"), ("activeCell", firstData), ("sqref", firstData));
        x.WriteEndElement();
        x.WriteEndElement();
        Empty(x, "sheetFormatPr", ("defaultRowHeight", "15"));
        x.WriteStartElement("cols", MainNs);
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            var n = Invariant(i + 1);
            Empty(x, "col", ("min", n), ("max", n), ("width", Invariant(sheet.Columns[i].Width + PrintSetup.ColumnWidthPadding)), ("customWidth", "1"));
        }
        x.WriteEndElement();

        x.WriteStartElement("sheetData", MainNs);
        for (var i = 0; i < sheet.TitleLines.Count; i++)
        {
            WriteRow(x, i + 1, columnNames, [new PlannedCell { Content = CellContent.Text, Text = sheet.TitleLines[i].Text, Style = sheet.TitleLines[i].Style }]);
        }
        WriteRow(x, SheetPlan.HeaderRow, columnNames,
            sheet.Columns.Select(c => new PlannedCell { Content = CellContent.Text, Text = c.Header, Style = sheet.HeaderStyle }).ToArray());

        var row = SheetPlan.FirstDataRow;
        await foreach (var cells in sheet.RowsAsync(ct))
        {
            WriteRow(x, row++, columnNames, cells);
            if (buffer.Length >= DrainBytes)
            {
                await buffer.DrainAsync(output, ct);
            }
        }
        if (sheet.DataRows == 0)
        {
            WriteRow(x, SheetPlan.FirstDataRow, columnNames, [new PlannedCell { Content = CellContent.Text, Text = SheetPlan.EmptyMessage, Style = sheet.EmptyStyle }]);
        }
        else if (sheet.HasTotals)
        {
            WriteRow(x, sheet.TotalsRow, columnNames, sheet.Totals());
        }
        x.WriteEndElement();

        Empty(x, "autoFilter", ("ref", $"A{SheetPlan.HeaderRow}:{sheet.LastColumnName}{sheet.LastDataRow}"));
        Empty(x, "pageMargins",
            ("left", Invariant(PrintSetup.MarginSide)), ("right", Invariant(PrintSetup.MarginSide)),
            ("top", Invariant(PrintSetup.MarginTopBottom)), ("bottom", Invariant(PrintSetup.MarginTopBottom)),
            ("header", Invariant(PrintSetup.MarginHeaderFooter)), ("footer", Invariant(PrintSetup.MarginHeaderFooter)));
        Empty(x, "pageSetup", ("paperSize", Invariant(PrintSetup.PaperSizeA4)), ("orientation", "landscape"), ("fitToWidth", "1"), ("fitToHeight", "0"));
        x.WriteStartElement("headerFooter", MainNs);
        x.WriteElementString("oddFooter", MainNs, PrintSetup.Footer(plan.Document.Title));
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static void Empty(XmlWriter x, string name, params (string Name, string Value)[] attributes) =>
        StreamingWorkbookParts.Empty(x, MainNs, name, attributes);

    /// <summary>Style indexes as text, made once: a register writes one per cell, 1.6 million of them.</summary>
    private static readonly string[] StyleTexts = Enumerable.Range(0, 512).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string StyleText(int style) =>
        style < StyleTexts.Length ? StyleTexts[style] : style.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// One row. Per cell nothing is allocated: the reference is written in two pieces, the style from a table,
    /// numbers through one buffer per row, and xml:space only where the text has spaces to keep at its ends.
    /// </summary>
    private static void WriteRow(XmlWriter x, int row, string[] columnNames, PlannedCell[] cells)
    {
        var number = row.ToString(CultureInfo.InvariantCulture);
        char[]? digits = null;
        x.WriteStartElement("row", MainNs);
        x.WriteAttributeString("r", number);
        for (var c = 0; c < cells.Length; c++)
        {
            var planned = cells[c];
            x.WriteStartElement("c", MainNs);
            x.WriteStartAttribute("r");
            x.WriteString(columnNames[c]);
            x.WriteString(number);
            x.WriteEndAttribute();
            x.WriteAttributeString("s", StyleText(planned.Style));
            switch (planned.Content)
            {
                case CellContent.Text:
                    var text = planned.Text ?? "";
                    x.WriteAttributeString("t", "inlineStr");
                    x.WriteStartElement("is", MainNs);
                    x.WriteStartElement("t", MainNs);
                    if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                    {
                        x.WriteAttributeString("xml", "space", null, "preserve");
                    }
                    x.WriteString(text);
                    x.WriteEndElement();
                    x.WriteEndElement();
                    break;
                case CellContent.Number:
                    x.WriteStartElement("v", MainNs);
                    digits ??= new char[32];
                    if (planned.Number.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture))
                    {
                        x.WriteChars(digits, 0, length);
                    }
                    else
                    {
                        x.WriteString(planned.Number.ToString(CultureInfo.InvariantCulture));
                    }
                    x.WriteEndElement();
                    break;
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }
}
