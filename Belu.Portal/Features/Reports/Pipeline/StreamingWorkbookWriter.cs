using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>
/// Writes the workbook row by row for large sheets: the sheets with a plain <see cref="XmlWriter"/>, the workbook and
/// styles parts with the Open XML SDK's <see cref="OpenXmlWriter"/>; memory stays flat whatever the row count. The SDK's package class needs a readable, seekable stream, so the parts go into a
/// <see cref="ZipArchive"/> (which writes forward only) and reach the output through a small buffer that is drained
/// asynchronously every few rows. Same title block, styles, frozen header, filter, widths and print setup as
/// <see cref="ClosedXmlWorkbookWriter"/>.
/// </summary>
public sealed class StreamingWorkbookWriter : IWorkbookWriter
{
    private const int DrainBytes = 64 * 1024;
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private delegate void ElementWriter(string name, params (string Name, string Value)[] attributes);

    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    public string Name => "streaming";

    public async Task WriteAsync(WorkbookPlan plan, Stream output, CancellationToken ct)
    {
        var buffer = new DrainableStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            WritePackageParts(zip, plan);
            for (var i = 0; i < plan.Sheets.Count; i++)
            {
                await WriteSheetAsync(zip, plan, plan.Sheets[i], i, buffer, output, ct);
            }
            // Last: the catalogue is complete only once every cell has asked for its style.
            WriteXml(zip, "xl/styles.xml", writer => writer.WriteElement(Stylesheet(plan.Styles)));
        }
        await buffer.DrainAsync(output, ct);
    }

    private static async Task WriteSheetAsync(ZipArchive zip, WorkbookPlan plan, SheetPlan sheet, int index, DrainableStream buffer, Stream output, CancellationToken ct)
    {
        // The sheet part is written with a plain XmlWriter: the Open XML SDK's writer costs an element lookup and
        // attribute objects per cell, which was most of the time of a 100,000-row register.
        var columnNames = Enumerable.Range(1, sheet.Columns.Count).Select(SheetPlan.ColumnName).ToArray();
        await using var part = zip.CreateEntry($"xl/worksheets/sheet{index + 1}.xml", CompressionLevel.Fastest).Open();
        using var x = CreateXml(part);
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

    private static XmlWriter CreateXml(Stream part) =>
        XmlWriter.Create(part, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });

    private static void Empty(XmlWriter x, string name, params (string Name, string Value)[] attributes) =>
        Empty(x, MainNs, name, attributes);

    private static void Empty(XmlWriter x, string ns, string name, (string Name, string Value)[] attributes)
    {
        x.WriteStartElement(name, ns);
        foreach (var (attribute, value) in attributes)
        {
            x.WriteAttributeString(attribute, value);
        }
        x.WriteEndElement();
    }

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

    private static void WritePackageParts(ZipArchive zip, WorkbookPlan plan)
    {
        var sheets = plan.Sheets;
        WritePlainXml(zip, "[Content_Types].xml", "http://schemas.openxmlformats.org/package/2006/content-types", "Types", w =>
        {
            w("Default", ("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml"));
            w("Default", ("Extension", "xml"), ("ContentType", "application/xml"));
            w("Override", ("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
            w("Override", ("PartName", "/xl/styles.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"));
            for (var i = 0; i < sheets.Count; i++)
            {
                w("Override", ("PartName", $"/xl/worksheets/sheet{i + 1}.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"));
            }
        });
        WritePlainXml(zip, "_rels/.rels", PackageRelNs, "Relationships", w =>
            w("Relationship", ("Id", "rId1"), ("Type", RelNs + "/officeDocument"), ("Target", "xl/workbook.xml")));
        WritePlainXml(zip, "xl/_rels/workbook.xml.rels", PackageRelNs, "Relationships", w =>
        {
            for (var i = 0; i < sheets.Count; i++)
            {
                w("Relationship", ("Id", $"rId{i + 1}"), ("Type", RelNs + "/worksheet"), ("Target", $"worksheets/sheet{i + 1}.xml"));
            }
            w("Relationship", ("Id", $"rId{sheets.Count + 1}"), ("Type", RelNs + "/styles"), ("Target", "styles.xml"));
        });

        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" })),
            new DefinedNames(sheets.Select((s, i) => new DefinedName($"'{s.Name.Replace("'", "''")}'!${SheetPlan.HeaderRow}:${SheetPlan.HeaderRow}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = (uint)i,
            })));
        workbook.AddNamespaceDeclaration("r", RelNs);
        WriteXml(zip, "xl/workbook.xml", writer => writer.WriteElement(workbook));
    }

    private static Stylesheet Stylesheet(ReportStyles catalogue)
    {
        var styles = catalogue.All;
        var formats = styles.Select(s => s.NumberFormat).Where(f => f is not null && f != ReportStyles.TextFormat).Distinct().ToList();
        var fonts = styles.Select(s => (s.Bold, s.Italic, s.FontSize)).Distinct().ToList();
        var fills = styles.Select(s => s.Fill).Where(f => f is not null).Distinct().ToList();

        var cellFormats = styles.Select(s =>
        {
            var format = new CellFormat
            {
                NumberFormatId = s.NumberFormat switch
                {
                    null => 0u,
                    ReportStyles.TextFormat => 49u,
                    var f => (uint)(164 + formats.IndexOf(f)),
                },
                FontId = (uint)fonts.IndexOf((s.Bold, s.Italic, s.FontSize)),
                FillId = s.Fill is null ? 0u : (uint)(2 + fills.IndexOf(s.Fill)),
                BorderId = s.Border ? 1u : 0u,
                FormatId = 0,
                ApplyNumberFormat = s.NumberFormat is not null,
                ApplyFont = true,
                ApplyFill = s.Fill is not null,
                ApplyBorder = s.Border,
            };
            if (s.Align != CellAlign.General || s.Wrap)
            {
                format.ApplyAlignment = true;
                format.Alignment = new Alignment
                {
                    Horizontal = s.Align switch
                    {
                        CellAlign.Center => HorizontalAlignmentValues.Center,
                        CellAlign.Left => HorizontalAlignmentValues.Left,
                        _ => null,
                    },
                    WrapText = s.Wrap ? true : null,
                };
            }
            if (s.QuotePrefix)
            {
                format.QuotePrefix = true;
            }
            return format;
        });

        static BorderPropertiesType Side<T>(bool thin) where T : BorderPropertiesType, new() =>
            thin ? new T { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } } : new T();

        return new Stylesheet(
            new NumberingFormats(formats.Select((f, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f })) { Count = (uint)formats.Count },
            new Fonts(fonts.Select(f => Font(f.Bold, f.Italic, f.FontSize))) { Count = (uint)fonts.Count },
            new Fills(
                new[] { new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }) }
                .Concat(fills.Select(f => new Fill(new PatternFill(
                    new ForegroundColor { Rgb = "FF" + f }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))))
            { Count = (uint)(2 + fills.Count) },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(Side<LeftBorder>(true), Side<RightBorder>(true), Side<TopBorder>(true), Side<BottomBorder>(true), new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(cellFormats) { Count = (uint)styles.Count },
            new CellStyles(new X.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(bool bold, bool italic, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }
        if (italic)
        {
            font.Append(new Italic());
        }
        font.Append(new FontSize { Val = size }, new Color { Theme = 1 }, new FontName { Val = ReportStyles.FontName }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static void WriteXml(ZipArchive zip, string path, Action<OpenXmlWriter> write)
    {
        using var part = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument();
        write(writer);
        writer.Close();
    }

    private static void WritePlainXml(ZipArchive zip, string path, string ns, string root, Action<ElementWriter> write)
    {
        using var part = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = CreateXml(part);
        writer.WriteStartDocument(standalone: true);
        writer.WriteStartElement(root, ns);
        write((name, attributes) => Empty(writer, ns, name, attributes));
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }
}
