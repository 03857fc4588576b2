using Belu.Portal.Common;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Domain.Common;

public class OfficeClockTests
{
    private static OfficeClock At(DateTimeOffset utc) =>
        new(new FakeTimeProvider(utc), Options.Create(new OfficeOptions { TimeZone = "Asia/Makassar" }));

    [Fact]
    public void ThePortalsDayIsTheOfficesDayInWita()
    {
        // 16:30 UTC on the 27th is 00:30 WITA on the 28th.
        var clock = At(new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 28), clock.Today);
        Assert.Equal("WITA", clock.ZoneAbbreviation);
    }

    [Fact]
    public void ALocalDayStartsAtMidnightWitaWhichIsFourPmUtcTheDayBefore()
    {
        var clock = At(DateTimeOffset.UnixEpoch);
        var (start, end) = clock.DayBoundsUtc(new DateOnly(2026, 11, 28));
        Assert.Equal(new DateTime(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 11, 28, 16, 0, 0, DateTimeKind.Utc), end);
    }

    [Theory]
    [InlineData(23, "Selamat pagi")]   // 07:00 WITA
    [InlineData(4, "Selamat siang")]   // 12:00 WITA
    [InlineData(8, "Selamat sore")]    // 16:00 WITA
    [InlineData(12, "Selamat malam")]  // 20:00 WITA
    public void TheGreetingFollowsTheOfficeClock(int utcHour, string greeting) =>
        Assert.Equal(greeting, At(new DateTimeOffset(2026, 11, 27, utcHour, 0, 0, TimeSpan.Zero)).Greeting());
}
