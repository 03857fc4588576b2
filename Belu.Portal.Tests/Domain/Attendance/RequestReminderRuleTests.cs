using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Tests.Domain.Attendance;

public class RequestReminderRuleTests
{
    private static readonly DateOnly Holiday = new(2026, 12, 25);

    private static bool Weekdays(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && day != Holiday;

    private static DateTime At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0);

    [Fact]
    public void ARequestSentOnTuesdayMorningIsDueOnWednesdayMorning() =>
        Assert.Equal(At(12, 2, 9, 30), RequestReminderRule.DueLocal(At(12, 1, 9, 30), Weekdays));

    [Fact]
    public void ARequestSentOnFridayMorningIsDueOnMondayMorningNotOnSaturday()
    {
        var friday = At(11, 27, 7, 45);
        Assert.Equal(At(11, 30, 7, 45), RequestReminderRule.DueLocal(friday, Weekdays));
        Assert.False(RequestReminderRule.IsDue(friday, At(11, 30, 7, 44), Weekdays));
        Assert.True(RequestReminderRule.IsDue(friday, At(11, 30, 7, 45), Weekdays));
    }

    [Fact]
    public void ARequestSentOnSaturdayIsDueAtTheEndOfMonday() =>
        Assert.Equal(At(12, 1, 0, 0), RequestReminderRule.DueLocal(At(11, 28, 10, 0), Weekdays));

    [Fact]
    public void AHolidayDoesNotCount() =>
        // Thursday 24 December 10:00 → Friday 25 is a holiday, then the weekend → Monday 28 December 10:00.
        Assert.Equal(At(12, 28, 10, 0), RequestReminderRule.DueLocal(At(12, 24, 10, 0), Weekdays));

    [Fact]
    public void ACalendarWithoutWorkingDaysStillRemindsWithinAYear()
    {
        var due = RequestReminderRule.DueLocal(At(1, 5, 8, 0), _ => false);
        Assert.InRange(due, At(1, 6, 0, 0), At(1, 5, 8, 0).AddDays(368));
    }
}
