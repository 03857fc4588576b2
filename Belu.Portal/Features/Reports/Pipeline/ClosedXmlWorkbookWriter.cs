using ClosedXML.Excel;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>
/// Writes the workbook with ClosedXML, in memory: for ordinary reports. Column widths are explicit
/// (AdjustToContents needs GDI+ and throws on Linux); cell values go through SetValue so text stays text.
/// </summary>
public sealed class ClosedXmlWorkbookWriter : IWorkbookWriter
{
    public string Name => "ClosedXML";

    public async Task WriteAsync(WorkbookPlan plan, Stream output, CancellationToken ct)
    {
        using var workbook = new XLWorkbook();
        var styles = plan.Styles.All;
        foreach (var sheet in plan.Sheets)
        {
            var ws = workbook.AddWorksheet(sheet.Name);
            var applied = new Dictionary<int, IXLStyle>();
            void Put(IXLCell cell, PlannedCell planned)
            {
                switch (planned.Content)
                {
                    case CellContent.Text:
                        cell.SetValue(planned.Text);
                        cell.DataType = XLDataType.Text;
                        break;
                    case CellContent.Number:
                        cell.SetValue(planned.Number);
                        break;
                }
                if (applied.TryGetValue(planned.Style, out var style))
                {
                    cell.Style = style;
                }
                else
                {
                    Apply(cell.Style, styles[planned.Style]);
                    applied[planned.Style] = cell.Style;
                }
            }

            for (var i = 0; i < sheet.TitleLines.Count; i++)
            {
                Put(ws.Cell(i + 1, 1), new PlannedCell { Content = CellContent.Text, Text = sheet.TitleLines[i].Text, Style = sheet.TitleLines[i].Style });
            }
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                ws.Column(c + 1).Width = sheet.Columns[c].Width;
                Put(ws.Cell(SheetPlan.HeaderRow, c + 1), new PlannedCell { Content = CellContent.Text, Text = sheet.Columns[c].Header, Style = sheet.HeaderStyle });
            }

            var row = SheetPlan.FirstDataRow;
            await foreach (var cells in sheet.RowsAsync(ct))
            {
                for (var c = 0; c < cells.Length; c++)
                {
                    Put(ws.Cell(row, c + 1), cells[c]);
                }
                row++;
            }
            if (sheet.DataRows == 0)
            {
                Put(ws.Cell(SheetPlan.FirstDataRow, 1), new PlannedCell { Content = CellContent.Text, Text = SheetPlan.EmptyMessage, Style = sheet.EmptyStyle });
            }
            else if (sheet.HasTotals)
            {
                var totals = sheet.Totals();
                for (var c = 0; c < totals.Length; c++)
                {
                    Put(ws.Cell(sheet.TotalsRow, c + 1), totals[c]);
                }
            }

            ws.SheetView.FreezeRows(SheetPlan.HeaderRow);
            ws.Range(SheetPlan.HeaderRow, 1, sheet.LastDataRow, sheet.Columns.Count).SetAutoFilter();
            var page = ws.PageSetup;
            page.PageOrientation = XLPageOrientation.Landscape;
            page.PaperSize = XLPaperSize.A4Paper;
            page.FitToPages(1, 0);
            page.SetRowsToRepeatAtTop(SheetPlan.HeaderRow, SheetPlan.HeaderRow);
            page.Margins.Left = page.Margins.Right = PrintSetup.MarginSide;
            page.Margins.Top = page.Margins.Bottom = PrintSetup.MarginTopBottom;
            page.Margins.Header = page.Margins.Footer = PrintSetup.MarginHeaderFooter;
            page.Footer.Left.AddText($"&8{plan.Document.Title.Replace("&", "&&")}");
            page.Footer.Right.AddText("&8Halaman &P dari &N");
        }
        workbook.Worksheet(1).SetTabActive();

        // ClosedXML saves synchronously; the workbook is small by definition (large ones stream), so buffer it.
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static void Apply(IXLStyle target, CellStyle style)
    {
        target.Font.FontName = ReportStyles.FontName;
        target.Font.FontSize = style.FontSize;
        target.Font.Bold = style.Bold;
        target.Font.Italic = style.Italic;
        if (style.Fill is not null)
        {
            target.Fill.BackgroundColor = XLColor.FromHtml("#" + style.Fill);
        }
        if (style.NumberFormat == ReportStyles.TextFormat)
        {
            target.NumberFormat.NumberFormatId = 49;
        }
        else if (style.NumberFormat is not null)
        {
            target.NumberFormat.Format = style.NumberFormat;
        }
        if (style.Border)
        {
            target.Border.OutsideBorder = XLBorderStyleValues.Thin;
        }
        target.Alignment.Horizontal = style.Align switch
        {
            CellAlign.Center => XLAlignmentHorizontalValues.Center,
            CellAlign.Left => XLAlignmentHorizontalValues.Left,
            _ => XLAlignmentHorizontalValues.General,
        };
        target.Alignment.WrapText = style.Wrap;
        target.IncludeQuotePrefix = style.QuotePrefix;
    }
}
