using Belu.Portal.Features.Attendance.Domain;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Domain.Attendance;

public class KioskCodesTests
{
    private const string Screen = "t0123456789abcdef0123456789abcdef";

    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void TheCodeRotatesEveryThirtySeconds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var codes = new KioskCodes(Key, time, TimeSpan.FromSeconds(30));
        var first = codes.Current(Screen);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(first.Text, codes.Current(Screen).Text);
        time.Advance(TimeSpan.FromSeconds(1));
        var second = codes.Current(Screen);
        Assert.NotEqual(first.Text, second.Text);
        Assert.Equal(first.ExpiresAt, time.GetUtcNow());
    }

    [Fact]
    public void ACodeIsValidForItsStepAndOneGraceStepThenExpires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var codes = new KioskCodes(Key, time, TimeSpan.FromSeconds(30), graceSteps: 1);
        var code = codes.Current(Screen).Text;
        Assert.Equal(KioskCodeCheck.Valid, codes.Check(code, out _, out _));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(KioskCodeCheck.Valid, codes.Check(code, out _, out _));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(KioskCodeCheck.Expired, codes.Check(code, out _, out _));
    }

    [Fact]
    public void ACodeNamesTheScreenThatShowedItAndCannotBeMovedToAnother()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var codes = new KioskCodes(Key, time, TimeSpan.FromSeconds(30));
        var lobby = codes.Current(Screen);
        var hall = codes.Current("a4f1c2d3-0000-4000-8000-000000000001");
        Assert.NotEqual(lobby.Text, hall.Text);
        Assert.Equal(KioskCodeCheck.Valid, codes.Check(lobby.Text, out var step, out var screen));
        Assert.Equal(Screen, screen);
        Assert.Equal(lobby.Step, step);
        var moved = hall.Display + lobby.Text[lobby.Text.IndexOf('.')..];
        Assert.Equal(KioskCodeCheck.Invalid, codes.Check(moved, out _, out var none));
        Assert.Equal("", none);
        Assert.Throws<ArgumentException>(() => codes.Current("a.b"));
        Assert.Throws<ArgumentException>(() => codes.Current(""));
    }

    [Fact]
    public void ForgedOrFutureCodesAreInvalid()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var codes = new KioskCodes(Key, time, TimeSpan.FromSeconds(30));
        var other = new KioskCodes([.. Key.Reverse()], time, TimeSpan.FromSeconds(30));
        Assert.Equal(KioskCodeCheck.Invalid, codes.Check(other.Current(Screen).Text, out _, out _));
        Assert.Equal(KioskCodeCheck.Invalid, codes.Check("garbage", out _, out _));
        Assert.Equal(KioskCodeCheck.Invalid, codes.Check(null, out _, out _));
        var later = new KioskCodes(Key, new FakeTimeProvider(time.GetUtcNow().AddMinutes(5)), TimeSpan.FromSeconds(30));
        Assert.Equal(KioskCodeCheck.Invalid, codes.Check(later.Current(Screen).Text, out _, out _));
    }
}

public class EarlyLeaveTests
{
    private static readonly DaySchedule Friday = new(new TimeOnly(7, 30), new TimeOnly(16, 30), new TimeOnly(6, 0), new TimeOnly(12, 0), new TimeOnly(18, 0));

    [Theory]
    [InlineData(9, 45, 0, 405)]
    [InlineData(16, 29, 59, 1)]
    [InlineData(16, 30, 0, 0)]
    [InlineData(17, 0, 0, 0)]
    public void ACheckOutBeforeTheEndIsEarlyByWholeMinutes(int hour, int minute, int second, int early) =>
        Assert.Equal(early, CheckInWindow.EarlyLeaveMinutes(Friday, new TimeOnly(hour, minute, second)));
}
