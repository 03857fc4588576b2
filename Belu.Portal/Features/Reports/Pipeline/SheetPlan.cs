using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>Who printed the workbook, when (office time) and for which regency: the end of every title block.</summary>
public sealed record ReportStamp(string Regency, DateTime PrintedAtLocal, string ZoneAbbreviation, string PrintedBy);

public enum CellContent
{
    Empty,
    Text,
    Number,
}

/// <summary>A cell ready to write: its content (text or a number, dates as Excel serials) and its style index.</summary>
public struct PlannedCell
{
    public CellContent Content;
    public string? Text;
    public double Number;
    public int Style;
}

/// <summary>
/// Everything the two writers share about a sheet: where the title block, header, data and totals go, and each
/// cell's value and style. The writers only translate this plan into their own calls, so they cannot drift apart.
/// </summary>
public sealed class SheetPlan
{
    public const int TitleRows = 6;
    public const int HeaderRow = 8;
    public const int FirstDataRow = 9;
    public const string EmptyMessage = "Tidak ada data untuk periode ini.";

    private readonly IReportSheet _sheet;
    private readonly ReportStyles _styles;
    private readonly TimeZoneInfo _zone;
    private readonly decimal[] _sums;
    private readonly int[] _counts;
    private readonly int[] _dataStyles;

    public SheetPlan(IReportSheet sheet, string name, ReportDocument document, ReportStamp stamp, ReportStyles styles, TimeZoneInfo zone)
    {
        _sheet = sheet;
        _styles = styles;
        _zone = zone;
        Name = name;
        Columns = sheet.Columns;
        _sums = new decimal[Columns.Count];
        _counts = new int[Columns.Count];
        _dataStyles = Columns.Select(c => styles.Data(c.Kind)).ToArray();
        TitleLines =
        [
            (stamp.Regency, styles.Regency),
            (document.Title, styles.Title),
            ($"Unit: {XmlSafe(sheet.UnitLabel)}", styles.Info),
            ($"Periode: {document.PeriodLabel}", styles.Info),
            ($"Dicetak: {stamp.PrintedAtLocal.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} {stamp.ZoneAbbreviation}", styles.Info),
            ($"Dicetak oleh: {stamp.PrintedBy}", styles.Info),
        ];
    }

    public string Name { get; }

    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>Rows 1–6: regency, report title, unit, period, printed at, printed by.</summary>
    public IReadOnlyList<(string Text, int Style)> TitleLines { get; }

    public int HeaderStyle => _styles.Header;

    public int EmptyStyle => _styles.Empty;

    /// <summary>Data rows written so far; final once <see cref="RowsAsync"/> has been read to the end.</summary>
    public int DataRows { get; private set; }

    /// <summary>The last row the auto-filter covers: the header alone when there is no data.</summary>
    public int LastDataRow => HeaderRow + DataRows;

    public bool HasTotals => _sheet.TotalsLabel is not null && DataRows > 0;

    public int TotalsRow => LastDataRow + 1;

    public string LastColumnName => ColumnName(Columns.Count);

    /// <summary>The data rows, each as planned cells; the array is reused, write it before asking for the next.</summary>
    public async IAsyncEnumerable<PlannedCell[]> RowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var cells = new PlannedCell[Columns.Count];
        await foreach (var values in _sheet.ReadRowsAsync(ct))
        {
            DataRows++;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Plan(i, Columns[i].Kind == CellKind.RowNumber ? DataRows : values[i]);
            }
            yield return cells;
        }
    }

    /// <summary>The totals row (label in the first column), once the rows have been read.</summary>
    public PlannedCell[] Totals()
    {
        var cells = new PlannedCell[Columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var column = Columns[i];
            cells[i] = column.Total switch
            {
                _ when i == 0 => new PlannedCell { Content = CellContent.Text, Text = _sheet.TotalsLabel, Style = _styles.Totals(CellKind.Text) },
                ColumnTotal.Sum => new PlannedCell { Content = CellContent.Number, Number = (double)_sums[i], Style = _styles.Totals(column.Kind) },
                ColumnTotal.Count => new PlannedCell { Content = CellContent.Number, Number = _counts[i], Style = _styles.Totals(CellKind.Integer) },
                _ => new PlannedCell { Style = _styles.Totals(CellKind.Text) },
            };
        }
        return cells;
    }

    /// <summary>A text cell that a spreadsheet would otherwise read as a formula (=, +, -, @, tab, return).</summary>
    public static bool NeedsQuotePrefix(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// The text without the characters XML cannot carry (control characters pasted from other systems): left in,
    /// they would break the file, and a streamed download halfway through.
    /// </summary>
    public static string XmlSafe(string text)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                kept?.Append(c);
                if (pair)
                {
                    kept?.Append(text[++i]);
                }
            }
            else
            {
                kept ??= new StringBuilder(text.Length).Append(text, 0, i);
            }
        }
        return kept?.ToString() ?? text;
    }

    /// <summary>"A", "B", ... "Z", "AA": the letters of a 1-based column number.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + (column - 1) % 26) + name;
        }
        return name;
    }

    private PlannedCell Plan(int index, object? value)
    {
        var column = Columns[index];
        if (value is null)
        {
            return new PlannedCell { Style = _dataStyles[index] };
        }
        _counts[index]++;
        switch (column.Kind)
        {
            case CellKind.Text:
            case CellKind.Code:
                var text = XmlSafe(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                var fill = column.Kind == CellKind.Code && column.CodeFills.TryGetValue(text, out var f) ? f : null;
                var quote = NeedsQuotePrefix(text);
                return new PlannedCell
                {
                    Content = CellContent.Text,
                    Text = text,
                    Style = fill is null && !quote ? _dataStyles[index] : _styles.Data(column.Kind, fill, quote),
                };
            case CellKind.Date:
                var day = value is DateOnly d ? d : DateOnly.FromDateTime((DateTime)value);
                return Number(index, day.ToDateTime(TimeOnly.MinValue).ToOADate());
            case CellKind.Time:
                return Number(index, ((TimeOnly)value).ToTimeSpan().TotalDays);
            case CellKind.DateTime:
                var utc = DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc);
                return Number(index, TimeZoneInfo.ConvertTimeFromUtc(utc, _zone).ToOADate());
            default:
                var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                _sums[index] += number;
                return Number(index, (double)number);
        }
    }

    private PlannedCell Number(int index, double number) =>
        new() { Content = CellContent.Number, Number = number, Style = _dataStyles[index] };
}

public static class SheetNames
{
    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>Tab names Excel accepts: at most 31 characters, none of []:*?/\, unique regardless of case.</summary>
    public static IReadOnlyList<string> MakeSafe(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var raw in names)
        {
            var name = string.Concat(raw.Select(c => Forbidden.Contains(c) || char.IsControl(c) ? '-' : c)).Trim().Trim('\'');
            name = name.Length == 0 ? "Lembar" : name[..Math.Min(name.Length, 31)];
            var candidate = name;
            for (var n = 2; !used.Add(candidate); n++)
            {
                var suffix = $" ({n})";
                candidate = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix;
            }
            result.Add(candidate);
        }
        return result;
    }
}
