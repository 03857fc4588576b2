using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Features.Notifications.Reminders;

/// <summary>The morning digest and the reminders (section "Reminders"); see docs/domain/reminders.md.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Off: no digest and no disposition reminder or escalation (the approver's one request reminder stays).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the morning digest goes out on a working day, office time (WITA); reminders start then too.</summary>
    public TimeOnly DigestTime { get; set; } = new(7, 0);

    /// <summary>After this time a digest not sent yet (the portal was down) is skipped for the day: it is a morning's list.</summary>
    public TimeOnly DigestLatestTime { get; set; } = new(12, 0);

    /// <summary>How often the portal looks for reminders due (it also wakes at <see cref="DigestTime"/>).</summary>
    [Range(1, 1440)]
    public int CheckMinutes { get; set; } = 15;

    /// <summary>A disposition still unread after this many working days reminds its recipient.</summary>
    [Range(1, 30)]
    public int DispositionUnreadWorkingDays { get; set; } = 1;

    /// <summary>A disposition whose deadline is this many working days away (or fewer) reminds its recipient once.</summary>
    [Range(1, 30)]
    public int DueSoonWorkingDays { get; set; } = 1;

    /// <summary>A request still undecided after this many working days reminds its approver (once).</summary>
    [Range(1, 30)]
    public int RequestUndecidedWorkingDays { get; set; } = 1;

    /// <summary>
    /// This many further working days without a move and the reminder climbs: to the disposer of an unread or overdue
    /// disposition, to the approver's superior for a request.
    /// </summary>
    [Range(1, 30)]
    public int EscalateAfterWorkingDays { get; set; } = 1;
}

public static class ReminderOptionsExtensions
{
    public static Domain.ReminderIntervals Intervals(this ReminderOptions o) =>
        new(o.DispositionUnreadWorkingDays, o.DueSoonWorkingDays, o.RequestUndecidedWorkingDays, o.EscalateAfterWorkingDays);
}
