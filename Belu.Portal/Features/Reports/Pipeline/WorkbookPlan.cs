namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>A document made ready for a writer: safe sheet names, one style catalogue, a plan per sheet.</summary>
public sealed class WorkbookPlan
{
    private WorkbookPlan(ReportDocument document, ReportStyles styles, IReadOnlyList<SheetPlan> sheets)
    {
        Document = document;
        Styles = styles;
        Sheets = sheets;
    }

    public ReportDocument Document { get; }

    public ReportStyles Styles { get; }

    public IReadOnlyList<SheetPlan> Sheets { get; }

    public static WorkbookPlan Create(ReportDocument document, ReportStamp stamp, TimeZoneInfo zone)
    {
        if (document.Sheets.Count == 0)
        {
            throw new InvalidOperationException($"Report '{document.Title}' has no sheet; an empty result still needs one sheet to say so.");
        }
        var styles = new ReportStyles();
        var names = SheetNames.MakeSafe(document.Sheets.Select(s => s.Name));
        var sheets = document.Sheets.Select((s, i) => new SheetPlan(s, names[i], document, stamp, styles, zone)).ToList();
        return new WorkbookPlan(document, styles, sheets);
    }
}

/// <summary>Turns a <see cref="WorkbookPlan"/> into .xlsx bytes on a stream.</summary>
public interface IWorkbookWriter
{
    /// <summary>"ClosedXML" or "streaming", for the audit log and the logs.</summary>
    string Name { get; }

    Task WriteAsync(WorkbookPlan plan, Stream output, CancellationToken ct);
}

/// <summary>Print setup shared by both writers: landscape A4, one page wide, header row repeated, page numbers.</summary>
public static class PrintSetup
{
    public const uint PaperSizeA4 = 9;
    public const double MarginSide = 0.4;
    public const double MarginTopBottom = 0.6;
    public const double MarginHeaderFooter = 0.3;

    /// <summary>Excel's stored width includes the cell padding; layouts give the width Excel shows (as ClosedXML does).</summary>
    public const double ColumnWidthPadding = 0.710625;

    public static string Footer(string title) => $"&L&8{title.Replace("&", "&&")}&R&8Halaman &P dari &N";
}
