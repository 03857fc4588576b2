using Belu.Portal.Common;
using Belu.Portal.Features.Notifications.Reminders.Domain;

namespace Belu.Portal.Features.Notifications.Reminders;

/// <summary>The moment a reminder check runs at: the clock read once, in UTC and in WITA, with the settings' intervals.</summary>
public sealed record ReminderMoment(DateTime NowUtc, DateTime NowLocal, ReminderOptions Options, ReminderIntervals Intervals)
{
    /// <summary>The office's date (WITA) of the check.</summary>
    public DateOnly Today => DateOnly.FromDateTime(NowLocal);

    /// <summary>Now, or null when reminders are switched off.</summary>
    public static ReminderMoment? Of(ReminderOptions options, OfficeClock clock)
    {
        if (!options.Enabled)
        {
            return null;
        }
        var nowUtc = clock.UtcNow;
        return new ReminderMoment(nowUtc, clock.ToLocal(nowUtc), options, options.Intervals());
    }
}
