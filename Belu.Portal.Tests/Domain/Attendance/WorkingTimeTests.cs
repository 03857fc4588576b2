using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Tests.Domain.Attendance;

public class WorkingTimeTests
{
    // Friday 25 December 2026 is Christmas.
    private static readonly DateOnly Holiday = new(2026, 12, 25);

    private static bool Weekdays(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && day != Holiday;

    private static DateTime At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0);

    private static DateOnly Day(int month, int day) => new(2026, month, day);

    [Fact]
    public void TwoWorkingDaysFromThursdayMorningEndOnMondayMorning() =>
        Assert.Equal(At(11, 30, 10, 0), WorkingTime.AddDays(At(11, 26, 10, 0), 2, Weekdays));

    [Fact]
    public void AWorkingDayFromChristmasEveSkipsTheHolidayAndTheWeekend() =>
        Assert.Equal(At(12, 28, 9, 0), WorkingTime.AddDays(At(12, 24, 9, 0), 1, Weekdays));

    [Fact]
    public void ZeroWorkingDaysIsTheMomentItself() =>
        Assert.Equal(At(12, 2, 9, 0), WorkingTime.AddDays(At(12, 2, 9, 0), 0, Weekdays));

    [Fact]
    public void TheNextWorkingDayAfterFridayIsMonday()
    {
        Assert.Equal(Day(11, 30), WorkingTime.NextWorkingDay(Day(11, 27), 1, Weekdays));
        Assert.Equal(Day(12, 1), WorkingTime.NextWorkingDay(Day(11, 27), 2, Weekdays));
        Assert.Equal(Day(11, 27), WorkingTime.NextWorkingDay(Day(11, 27), 0, Weekdays));
    }

    [Fact]
    public void TheNextWorkingDayAfterChristmasEveIsTheMondayAfter() =>
        Assert.Equal(Day(12, 28), WorkingTime.NextWorkingDay(Day(12, 24), 1, Weekdays));

    [Fact]
    public void WorkingDaysAfterCountNeitherTheFirstDayNorDaysOff()
    {
        Assert.Equal(0, WorkingTime.WorkingDaysAfter(Day(12, 2), Day(12, 2), Weekdays));
        Assert.Equal(1, WorkingTime.WorkingDaysAfter(Day(12, 2), Day(12, 3), Weekdays));
        // Friday to Monday: only Monday.
        Assert.Equal(1, WorkingTime.WorkingDaysAfter(Day(11, 27), Day(11, 30), Weekdays));
        // Thursday 24 to Tuesday 29 December: Monday and Tuesday (Christmas Friday and the weekend are off).
        Assert.Equal(2, WorkingTime.WorkingDaysAfter(Day(12, 24), Day(12, 29), Weekdays));
    }
}
