using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Tests.Domain.Attendance;

public class NotPresentTests
{
    private static readonly DaySchedule MonThu = new(new(7, 30), new(16, 0), new(6, 0), new(12, 0), new(18, 0));
    private static readonly DaySchedule Ramadan = new(new(8, 0), new(15, 0), new(7, 0), new(12, 0), new(18, 0));

    private static TimeOnly At(string hhmmss) => TimeOnly.Parse(hhmmss, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("00:00:00", NotPresentState.NotStarted)]
    [InlineData("04:00:00", NotPresentState.NotStarted)]
    [InlineData("05:59:59", NotPresentState.NotStarted)]
    [InlineData("06:00:00", NotPresentState.Awaited)]
    [InlineData("07:31:00", NotPresentState.Awaited)]
    [InlineData("18:00:59", NotPresentState.Awaited)]
    [InlineData("23:59:59", NotPresentState.Awaited)]
    public void AnOpenDayIsNotStartedBeforeTheWindowAndAwaitedFromItsFirstMinuteUntilTheClose(string now, NotPresentState expected) =>
        Assert.Equal(expected, NotPresent.StateAt(MonThu, null, DayPhase.Open, At(now)));

    [Fact]
    public void At0400NobodyIsMissingYet() =>
        Assert.NotEqual(NotPresentState.Absent, NotPresent.StateAt(MonThu, null, DayPhase.Open, At("04:00:00")));

    [Fact]
    public void TheWindowComesFromTheDaysScheduleNotAFixedHour()
    {
        Assert.Equal(NotPresentState.NotStarted, NotPresent.StateAt(Ramadan, null, DayPhase.Open, At("06:30:00")));
        Assert.Equal(NotPresentState.Awaited, NotPresent.StateAt(Ramadan, null, DayPhase.Open, At("07:00:00")));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("04:00:00")]
    [InlineData("12:00:00")]
    public void OnlyAClosedDayMakesTheMissingTk(string now) =>
        Assert.Equal(NotPresentState.Absent, NotPresent.StateAt(MonThu, null, DayPhase.Closed, At(now)));

    [Fact]
    public void AFutureDayHasNotStarted() =>
        Assert.Equal(NotPresentState.NotStarted, NotPresent.StateAt(MonThu, null, DayPhase.Future, At("09:00:00")));

    [Theory]
    [InlineData(DayPhase.Future)]
    [InlineData(DayPhase.Open)]
    [InlineData(DayPhase.Closed)]
    public void WeekendsAndHolidaysStayDaysOffWhateverThePhase(DayPhase phase)
    {
        Assert.Equal(NotPresentState.DayOff, NotPresent.StateAt(null, null, phase, At("09:00:00")));
        Assert.Equal(NotPresentState.DayOff, NotPresent.StateAt(MonThu, "Hari Natal", phase, At("09:00:00")));
    }
}
