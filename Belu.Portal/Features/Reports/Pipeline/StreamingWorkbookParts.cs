using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>
/// The parts of a streamed workbook around its sheets: content types, relationships, the workbook (sheet names and
/// print titles) and the stylesheet built from the styles the cells asked for. They are small, so they are written
/// with the Open XML SDK's <see cref="OpenXmlWriter"/> or a plain <see cref="XmlWriter"/>.
/// </summary>
internal static class StreamingWorkbookParts
{
    public const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private delegate void ElementWriter(string name, params (string Name, string Value)[] attributes);

    /// <summary>The stylesheet; written last, as the catalogue is complete only once every cell has asked for its style.</summary>
    public static void WriteStyles(ZipArchive zip, ReportStyles catalogue) =>
        WriteXml(zip, "xl/styles.xml", writer => writer.WriteElement(Stylesheet(catalogue)));

    public static XmlWriter CreateXml(Stream part) =>
        XmlWriter.Create(part, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });

    public static void Empty(XmlWriter x, string ns, string name, (string Name, string Value)[] attributes)
    {
        x.WriteStartElement(name, ns);
        foreach (var (attribute, value) in attributes)
        {
            x.WriteAttributeString(attribute, value);
        }
        x.WriteEndElement();
    }

    public static void WritePackage(ZipArchive zip, WorkbookPlan plan)
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
