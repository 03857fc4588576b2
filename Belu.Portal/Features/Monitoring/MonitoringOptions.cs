using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Features.Monitoring;

/// <summary>Monitoring board settings (section "Monitoring").</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>Seconds each panel stays on screen before the next one rotates in.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "harus 1 atau lebih (detik).")]
    public int PanelSeconds { get; set; } = 20;

    /// <summary>Lines in the live ticker, one event each across the board's width (five fit under a 1080-pixel panel).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "harus 1 atau lebih (baris).")]
    public int TickerSize { get; set; } = 5;

    /// <summary>Events are coalesced: the board re-reads its numbers at most this often.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "harus 1 atau lebih (detik).")]
    public int RefreshSeconds { get; set; } = 3;

    /// <summary>
    /// The ticker shows an event as soon as it arrives, then waits at least this long before the next redraw;
    /// what arrives meanwhile is drawn together. Bounds the redraws of a flood to ten a second.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "harus 0 atau lebih (milidetik).")]
    public int TickerMinMilliseconds { get; set; } = 100;
}
