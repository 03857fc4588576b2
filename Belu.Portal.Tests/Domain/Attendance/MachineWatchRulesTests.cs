using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Tests.Domain.Attendance;

public class MachineWatchRulesTests
{
    private static readonly DateTime Arrival = new(2026, 11, 26, 23, 45, 0, DateTimeKind.Utc);

    private static readonly DaySchedule Thursday = new(new TimeOnly(7, 30), new TimeOnly(16, 0), new TimeOnly(6, 0), new TimeOnly(12, 0), new TimeOnly(18, 0));

    [Fact]
    public void ALineStampedAfterItsArrivalProvesAFastClockWhateverTheBatch()
    {
        Assert.Equal(TimeSpan.FromMinutes(3), MachineWatchRules.DriftFromUpload(Arrival.AddMinutes(3), 40, Arrival));
        Assert.Equal(TimeSpan.FromSeconds(1), MachineWatchRules.DriftFromUpload(Arrival.AddSeconds(1), 1, Arrival));
    }

    [Fact]
    public void ASingleRealtimeLineStampedBeforeItsArrivalShowsASlowClockButABacklogSaysNothing()
    {
        Assert.Equal(TimeSpan.FromMinutes(-5), MachineWatchRules.DriftFromUpload(Arrival.AddMinutes(-5), 1, Arrival));
        Assert.Null(MachineWatchRules.DriftFromUpload(Arrival.AddMinutes(-5), 2, Arrival));
        Assert.Null(MachineWatchRules.DriftFromUpload(Arrival.AddDays(-2), 300, Arrival));
    }

    [Theory]
    [InlineData(120, false)]
    [InlineData(121, true)]
    [InlineData(-120, false)]
    [InlineData(-121, true)]
    public void OnlyMoreThanTwoMinutesEitherWayIsAnAlert(int seconds, bool alert) =>
        Assert.Equal(alert, MachineWatchRules.DriftTooLarge(TimeSpan.FromSeconds(seconds), TimeSpan.FromMinutes(2)));

    [Fact]
    public void SilenceCountsFromTheStartOfWorkNotFromLastNight()
    {
        var now = new DateTime(2026, 11, 26, 8, 15, 0);
        Assert.Equal(TimeSpan.FromMinutes(45), MachineWatchRules.SilentInWorkingHours(now, now.AddHours(-14), Thursday));
        Assert.Equal(TimeSpan.FromMinutes(45), MachineWatchRules.SilentInWorkingHours(now, null, Thursday));
        Assert.Equal(TimeSpan.FromMinutes(10), MachineWatchRules.SilentInWorkingHours(now, now.AddMinutes(-10), Thursday));
    }

    [Fact]
    public void OutsideWorkingHoursAndOnDaysOffNoMachineIsSilent()
    {
        var day = new DateTime(2026, 11, 26);
        Assert.Null(MachineWatchRules.SilentInWorkingHours(day.AddHours(7).AddMinutes(29), null, Thursday));
        Assert.Null(MachineWatchRules.SilentInWorkingHours(day.AddHours(16).AddMinutes(1), null, Thursday));
        Assert.Null(MachineWatchRules.SilentInWorkingHours(day.AddHours(10), null, null));
        Assert.Equal(TimeSpan.Zero, MachineWatchRules.SilentInWorkingHours(day.AddHours(7).AddMinutes(30), null, Thursday));
    }
}
