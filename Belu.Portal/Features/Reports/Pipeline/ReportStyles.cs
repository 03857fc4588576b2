namespace Belu.Portal.Features.Reports.Pipeline;

public enum CellAlign
{
    General,
    Left,
    Center,
}

/// <summary>One cell look, described once and rendered by both writers, so their workbooks look the same.</summary>
public sealed record CellStyle(
    bool Bold = false,
    bool Italic = false,
    double FontSize = ReportStyles.BaseFontSize,
    string? Fill = null,
    string? NumberFormat = null,
    bool Border = false,
    CellAlign Align = CellAlign.General,
    bool Wrap = false,
    bool QuotePrefix = false);

/// <summary>
/// The styles of one workbook, numbered in order of first use (index 0 is the plain default). Number formats are
/// stored in Excel's invariant notation ("#,##0"); Excel shows them with the reader's separators (id-ID: 1.234,50).
/// </summary>
public sealed class ReportStyles
{
    public const double BaseFontSize = 11;
    public const string FontName = "Calibri";
    public const string TextFormat = "@";
    public const string IntegerFormat = "#,##0";
    public const string DecimalFormat = "#,##0.00";
    public const string PercentageFormat = "0.00%";
    public const string DateFormat = "dd/mm/yyyy";
    public const string DateTimeFormat = "dd/mm/yyyy hh:mm";
    public const string TimeFormat = "hh:mm";
    public const string HeaderFill = "D9E1F2";
    public const string TotalsFill = "F2F2F2";

    private readonly List<CellStyle> _styles = [new()];
    private readonly Dictionary<CellStyle, int> _ids = new() { [new()] = 0 };

    public ReportStyles()
    {
        Regency = Id(new CellStyle(Bold: true, FontSize: 14));
        Title = Id(new CellStyle(Bold: true, FontSize: 12));
        Info = Id(new CellStyle());
        Header = Id(new CellStyle(Bold: true, Fill: HeaderFill, Border: true, Align: CellAlign.Center, Wrap: true));
        Empty = Id(new CellStyle(Italic: true));
    }

    public IReadOnlyList<CellStyle> All => _styles;

    public int Regency { get; }

    public int Title { get; }

    public int Info { get; }

    public int Header { get; }

    public int Empty { get; }

    public int Data(CellKind kind, string? fill = null, bool quotePrefix = false) =>
        Id(new CellStyle(NumberFormat: FormatOf(kind), Border: true, Align: AlignOf(kind), Fill: fill, QuotePrefix: quotePrefix));

    public int Totals(CellKind kind) =>
        Id(new CellStyle(Bold: true, NumberFormat: FormatOf(kind), Border: true, Align: AlignOf(kind), Fill: TotalsFill));

    public static string FormatOf(CellKind kind) => kind switch
    {
        CellKind.Integer or CellKind.RowNumber => IntegerFormat,
        CellKind.Decimal => DecimalFormat,
        CellKind.Percentage => PercentageFormat,
        CellKind.Date => DateFormat,
        CellKind.DateTime => DateTimeFormat,
        CellKind.Time => TimeFormat,
        _ => TextFormat,
    };

    private static CellAlign AlignOf(CellKind kind) => kind switch
    {
        CellKind.Code or CellKind.RowNumber or CellKind.Date or CellKind.DateTime or CellKind.Time => CellAlign.Center,
        _ => CellAlign.General,
    };

    private int Id(CellStyle style)
    {
        if (!_ids.TryGetValue(style, out var id))
        {
            id = _styles.Count;
            _styles.Add(style);
            _ids[style] = id;
        }
        return id;
    }
}
