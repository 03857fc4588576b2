using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Features.Reports;

/// <summary>Excel exports (section "Reports").</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Workbooks written at the same time; the machine's cores and memory are shared with everyone else.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "harus 1 atau lebih.")]
    public int MaxConcurrentExports { get; set; } = 2;

    /// <summary>Exports that may wait for a free slot; more are refused at once with 429.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "harus 0 atau lebih.")]
    public int QueueLimit { get; set; } = 4;

    /// <summary>How long a queued export waits before it is refused with 429.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "harus 0 atau lebih (detik).")]
    public int QueueTimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// Above this many cells (rows × columns over all sheets) a workbook is streamed (Open XML writer) instead of built
    /// in memory (ClosedXML, whose time and memory grow with the cells: a month's recap has 47 columns).
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "harus 0 atau lebih (sel).")]
    public int StreamingThresholdCells { get; set; } = 50_000;

    /// <summary>
    /// A register counts its rows before the first byte only up to this many (at least enough to choose the writer):
    /// the exact count of a regency's year probed every visible letter first, seconds before anything was sent. The
    /// audit then says "paling sedikit …"; the sheet's own total still counts every row written.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "harus 1 atau lebih (baris).")]
    public int CountLimitRows { get; set; } = 10_000;
}
