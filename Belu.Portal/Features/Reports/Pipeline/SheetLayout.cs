namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>How a column's values are stored and shown in the workbook.</summary>
public enum CellKind
{
    /// <summary>Plain text, kept as text even when it looks like a number (an NIP keeps its 18 digits).</summary>
    Text,

    /// <summary>A whole number, shown with thousands grouping.</summary>
    Integer,

    /// <summary>A number with two decimals, shown with thousands grouping.</summary>
    Decimal,

    /// <summary>A fraction (0.025) shown as a percentage (2,50 %).</summary>
    Percentage,

    /// <summary>A calendar date (<see cref="DateOnly"/>), shown dd/mm/yyyy.</summary>
    Date,

    /// <summary>An instant stored in UTC, written in office time (WITA) as dd/mm/yyyy hh:mm.</summary>
    DateTime,

    /// <summary>A time of day (<see cref="TimeOnly"/>), shown hh:mm.</summary>
    Time,

    /// <summary>A short code (H, TL1, DL...) centred on the fill colour its layout gives it.</summary>
    Code,

    /// <summary>The row's sequence number (No), filled in by the pipeline.</summary>
    RowNumber,
}

/// <summary>What the totals row shows under a column.</summary>
public enum ColumnTotal
{
    None,

    /// <summary>The sum of the column's numbers.</summary>
    Sum,

    /// <summary>How many rows have a value in the column.</summary>
    Count,
}

/// <summary>One column of a sheet, with the row type erased: what the writers see.</summary>
public sealed class ReportColumn
{
    internal ReportColumn(string header, double width, CellKind kind, ColumnTotal total, IReadOnlyDictionary<string, string>? codeFills)
    {
        if (width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "A report column needs an explicit width.");
        }
        Header = header;
        Width = width;
        Kind = kind;
        Total = total;
        CodeFills = codeFills ?? new Dictionary<string, string>();
    }

    public string Header { get; }

    /// <summary>Width in Excel character units (AdjustToContents needs GDI+, so every column says its width).</summary>
    public double Width { get; }

    public CellKind Kind { get; }

    public ColumnTotal Total { get; }

    /// <summary>For <see cref="CellKind.Code"/>: the fill colour (RRGGBB) of each code; other codes stay unfilled.</summary>
    public IReadOnlyDictionary<string, string> CodeFills { get; }
}

/// <summary>
/// The columns of a sheet and how each is read from a row. Declared once per report, e.g.
/// <c>new SheetLayout&lt;Row&gt;().RowNumber().Text("NIP", 22, r =&gt; r.Nip).Date("Tanggal", 12, r =&gt; r.Day)</c>.
/// </summary>
public sealed class SheetLayout<TRow>
{
    private readonly List<ReportColumn> _columns = [];
    private readonly List<Func<TRow, object?>> _readers = [];

    public IReadOnlyList<ReportColumn> Columns => _columns;

    /// <summary>Label of the totals row (in the first column), or null for no totals row.</summary>
    public string? TotalsLabel { get; private set; }

    public SheetLayout<TRow> RowNumber(string header = "No", double width = 5) =>
        Add(new(header, width, CellKind.RowNumber, ColumnTotal.None, null), _ => null);

    public SheetLayout<TRow> Text(string header, double width, Func<TRow, string?> value, ColumnTotal total = ColumnTotal.None) =>
        Add(new(header, width, CellKind.Text, total, null), r => value(r));

    public SheetLayout<TRow> Integer(string header, double width, Func<TRow, long?> value, ColumnTotal total = ColumnTotal.None) =>
        Add(new(header, width, CellKind.Integer, total, null), r => value(r));

    public SheetLayout<TRow> Decimal(string header, double width, Func<TRow, decimal?> value, ColumnTotal total = ColumnTotal.None) =>
        Add(new(header, width, CellKind.Decimal, total, null), r => value(r));

    /// <summary>A percentage column; the value is a fraction (0.025 is shown as 2,50 %).</summary>
    public SheetLayout<TRow> Percentage(string header, double width, Func<TRow, decimal?> value, ColumnTotal total = ColumnTotal.None) =>
        Add(new(header, width, CellKind.Percentage, total, null), r => value(r));

    public SheetLayout<TRow> Date(string header, double width, Func<TRow, DateOnly?> value, ColumnTotal total = ColumnTotal.None) =>
        Add(new(header, width, CellKind.Date, total, null), r => value(r));

    /// <summary>A local time of day (e.g. a check-in in WITA); say "(WITA)" in the header.</summary>
    public SheetLayout<TRow> Time(string header, double width, Func<TRow, TimeOnly?> value) =>
        Add(new(header, width, CellKind.Time, ColumnTotal.None, null), r => value(r));

    /// <summary>An instant (UTC) written in office time; say "(WITA)" in the header.</summary>
    public SheetLayout<TRow> DateTime(string header, double width, Func<TRow, System.DateTime?> value, ColumnTotal total = ColumnTotal.None) =>
        Add(new(header, width, CellKind.DateTime, total, null), r => value(r));

    /// <summary>A code column; <paramref name="fills"/> maps each code to its colour (RRGGBB), as on the page.</summary>
    public SheetLayout<TRow> Code(string header, double width, Func<TRow, string?> value, IReadOnlyDictionary<string, string> fills, ColumnTotal total = ColumnTotal.None) =>
        Add(new(header, width, CellKind.Code, total, fills), r => value(r));

    /// <summary>Adds a totals row under the data, labelled in the first column.</summary>
    public SheetLayout<TRow> WithTotals(string label = "Jumlah")
    {
        TotalsLabel = label;
        return this;
    }

    /// <summary>The row's values, one per column (null for the row number, which the pipeline fills in).</summary>
    internal void Read(TRow row, object?[] values)
    {
        for (var i = 0; i < _readers.Count; i++)
        {
            values[i] = _readers[i](row);
        }
    }

    private SheetLayout<TRow> Add(ReportColumn column, Func<TRow, object?> reader)
    {
        _columns.Add(column);
        _readers.Add(reader);
        return this;
    }
}
