using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Belu.Portal.Common;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>
/// A report another feature declares: checks the caller (role, scope, the report's own limits such as the longest
/// period) and describes the workbook. Rows are read lazily while the workbook is written, so throw
/// <see cref="ForbiddenException"/>, <see cref="NotFoundException"/> or <see cref="ValidationException"/> here,
/// before anything is sent: the endpoint answers 403, 404 or 400 with the message and no data.
/// </summary>
public interface IReport<in TRequest>
{
    /// <summary>Stable short name, e.g. "daftar-pegawai": the audit subject.</summary>
    string Key { get; }

    Task<ReportDocument> BuildAsync(TRequest request, CancellationToken ct);
}

/// <summary>A workbook: its title, the period it covers, its file name, and one or more sheets.</summary>
public sealed class ReportDocument
{
    /// <summary>"Daftar Pegawai": the second line of every sheet's title block.</summary>
    public required string Title { get; init; }

    /// <summary>"Periode: ..." line of the title block, e.g. <see cref="ReportPeriod.Label"/>.</summary>
    public required string PeriodLabel { get; init; }

    /// <summary>Download name, from <see cref="ReportFileName.Create"/>.</summary>
    public required string FileName { get; init; }

    public required IReadOnlyList<IReportSheet> Sheets { get; init; }

    /// <summary>The filters in words, for the audit log (e.g. "status aktif, teks 'kepala'").</summary>
    public string? Filters { get; init; }

    public int RowCount => Sheets.Sum(s => s.RowCount);

    /// <summary>The rows in words for the audit: "1200", or "paling sedikit 10001" when a sheet stopped counting.</summary>
    public string RowCountText => Sheets.Any(s => s.RowCountIsLowerBound)
        ? $"paling sedikit {RowCount.ToString(CultureInfo.InvariantCulture)}"
        : RowCount.ToString(CultureInfo.InvariantCulture);

    public long CellCount => Sheets.Sum(s => (long)s.RowCount * s.Columns.Count);
}

/// <summary>A sheet with its row type erased, as the writers see it.</summary>
public interface IReportSheet
{
    /// <summary>Tab name; made safe for Excel (31 characters, no []:*?/\) and unique by the pipeline.</summary>
    string Name { get; }

    /// <summary>"Unit: ..." line of the title block.</summary>
    string UnitLabel { get; }

    IReadOnlyList<ReportColumn> Columns { get; }

    string? TotalsLabel { get; }

    /// <summary>Expected number of rows (chooses the writer; a small drift from the actual rows does no harm).</summary>
    int RowCount { get; }

    /// <summary>
    /// The count stopped at <see cref="RowCount"/>: there are at least that many rows (a large register is not counted
    /// to the end before its first byte; enough to choose the writer).
    /// </summary>
    bool RowCountIsLowerBound => false;

    /// <summary>The rows' raw values, one per column; the array is reused between rows.</summary>
    IAsyncEnumerable<object?[]> ReadRowsAsync(CancellationToken ct);
}

/// <summary>A sheet of rows of <typeparamref name="TRow"/>, laid out by a <see cref="SheetLayout{TRow}"/>.</summary>
public sealed class ReportSheet<TRow> : IReportSheet
{
    private readonly string name;
    private readonly string unitLabel;
    private readonly SheetLayout<TRow> layout;
    private readonly IAsyncEnumerable<TRow> rows;
    private readonly int rowCount;
    private readonly bool readAhead;

    /// <summary>
    /// A sheet over rows read while the workbook is written (a database query). They are read ahead of the writer
    /// on another thread, so the query and whatever is computed per row overlap with formatting and compressing.
    /// </summary>
    public ReportSheet(string name, string unitLabel, SheetLayout<TRow> layout, IAsyncEnumerable<TRow> rows, int rowCount)
        : this(name, unitLabel, layout, rows, rowCount, readAhead: true)
    {
    }

    /// <summary>A sheet over rows already in memory.</summary>
    public ReportSheet(string name, string unitLabel, SheetLayout<TRow> layout, IReadOnlyCollection<TRow> rows)
        : this(name, unitLabel, layout, rows.ToAsyncEnumerable(), rows.Count, readAhead: false)
    {
    }

    private ReportSheet(string name, string unitLabel, SheetLayout<TRow> layout, IAsyncEnumerable<TRow> rows, int rowCount, bool readAhead)
    {
        this.name = name;
        this.unitLabel = unitLabel;
        this.layout = layout;
        this.rows = rows;
        this.rowCount = rowCount;
        this.readAhead = readAhead;
    }

    /// <summary>Rows read ahead of the writer at most.</summary>
    internal const int ReadAheadRows = 2_000;

    public string Name => name;

    public string UnitLabel => unitLabel;

    public IReadOnlyList<ReportColumn> Columns => layout.Columns;

    public string? TotalsLabel => layout.TotalsLabel;

    public int RowCount => rowCount;

    public bool RowCountIsLowerBound { get; init; }

    public async IAsyncEnumerable<object?[]> ReadRowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var values = new object?[layout.Columns.Count];
        await foreach (var row in (readAhead ? ReadAhead.Of(rows, ReadAheadRows, ct) : rows).WithCancellation(ct))
        {
            layout.Read(row, values);
            yield return values;
        }
    }
}

/// <summary>Reads a sequence on another thread, up to a bounded number of items ahead of its consumer.</summary>
public static class ReadAhead
{
    /// <summary>
    /// The items of <paramref name="source"/> in order. An exception of the source surfaces at the consumer's next
    /// read; when the consumer stops (done, failed or cancelled) the source is cancelled and awaited, so nothing
    /// keeps reading (and no database connection stays open) after the enumeration has ended.
    /// </summary>
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<T>(
            new System.Threading.Channels.BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                {
                    await channel.Writer.WriteAsync(item, stop.Token);
                }
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct))
            {
                yield return item;
            }
        }
        finally
        {
            stop.Cancel();
            await producer;
        }
    }
}

/// <summary>The dates a report covers, with the report's own limit on its length.</summary>
public readonly record struct ReportPeriod
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private ReportPeriod(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>"1 November 2026 s.d. 30 November 2026" (or one date).</summary>
    public string Label => From == To ? Format(From) : $"{Format(From)} s.d. {Format(To)}";

    /// <summary>
    /// The hook for a report's limit: a period of at most <paramref name="maxDays"/> days, or a
    /// <see cref="ValidationException"/> the user reads (400 from the endpoint, nothing queried).
    /// </summary>
    public static ReportPeriod Create(DateOnly from, DateOnly to, int maxDays)
    {
        if (to < from)
        {
            throw new ValidationException("Tanggal akhir periode tidak boleh sebelum tanggal awal.");
        }
        var period = new ReportPeriod(from, to);
        if (period.Days > maxDays)
        {
            throw new ValidationException(
                $"Periode laporan terlalu panjang ({period.Days} hari). Paling lama {maxDays} hari per unduhan; bagi menjadi beberapa periode.");
        }
        return period;
    }

    /// <summary>"Keadaan per 28 November 2026", for a report that lists how things stand on a day.</summary>
    public static string AsOf(DateOnly day) => $"Keadaan per {Format(day)}";

    private static string Format(DateOnly day) => day.ToString("d MMMM yyyy", Indonesian);
}

public static class ReportFileName
{
    /// <summary>"daftar-pegawai-diskominfo-2026-11-28.xlsx": lower case, ASCII, words joined by dashes; the day it stands for.</summary>
    public static string Create(string report, string? scope, DateOnly day) =>
        Create(report, scope, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>"rekap-absensi-diskominfo-aplikasi-informatika-2026-11.xlsx": the report, the unit, the period it covers.</summary>
    public static string Create(string report, string? scope, string period)
    {
        var slug = Slug(string.IsNullOrWhiteSpace(scope) ? report : $"{report} {scope}");
        return $"{slug}-{period}.xlsx";
    }

    /// <summary>A period as a clerk files it: "2026" for a whole year, "2026-11" for a month, else "2026-01-05-sd-2026-02-10".</summary>
    public static string PeriodOf(DateOnly from, DateOnly to)
    {
        var culture = CultureInfo.InvariantCulture;
        if (from.Day == 1 && to == from.AddMonths(1).AddDays(-1))
        {
            return from.ToString("yyyy-MM", culture);
        }
        if (from.DayOfYear == 1 && to == from.AddYears(1).AddDays(-1))
        {
            return from.ToString("yyyy", culture);
        }
        return from == to ? from.ToString("yyyy-MM-dd", culture) : $"{from.ToString("yyyy-MM-dd", culture)}-sd-{to.ToString("yyyy-MM-dd", culture)}";
    }

    private static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-');
    }
}
