using Belu.Portal.Common;
using Belu.Portal.Features.Notifications.Channels;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Domain.Notifications;

public class ChannelRulesTests
{
    private static readonly OfficeClock Clock = new(new FakeTimeProvider(), Options.Create(new OfficeOptions()));

    [Fact]
    public void TheWaitDoublesAfterEachFailureUpToTheMaximum()
    {
        var settings = new ChannelOptions { RetryFirstSeconds = 30, RetryMaxSeconds = 300 };
        Assert.Equal(TimeSpan.FromSeconds(30), ChannelDeliveryWorker.Backoff(1, settings));
        Assert.Equal(TimeSpan.FromSeconds(60), ChannelDeliveryWorker.Backoff(2, settings));
        Assert.Equal(TimeSpan.FromSeconds(240), ChannelDeliveryWorker.Backoff(4, settings));
        Assert.Equal(TimeSpan.FromSeconds(300), ChannelDeliveryWorker.Backoff(5, settings));
    }

    [Theory]
    [InlineData(23, 0, 2026, 11, 28, 6, 0)]   // inside a window over midnight, before it: ends next morning
    [InlineData(5, 30, 2026, 11, 27, 6, 0)]   // inside it, after midnight: ends this morning
    [InlineData(12, 0, 2026, 11, 27, 12, 0)]  // outside: now
    public void AMessageInQuietHoursWaitsForTheirEnd(int hour, int minute, int y, int mo, int d, int endHour, int endMinute)
    {
        var now = Clock.ToUtc(new DateTime(2026, 11, 27, hour, minute, 0));
        var next = QuietHours.NextAllowedUtc(now, new TimeOnly(22, 0), new TimeOnly(6, 0), Clock);
        Assert.Equal(new DateTime(y, mo, d, endHour, endMinute, 0), Clock.ToLocal(next));
    }

    [Fact]
    public void AChannelTurnedOnWithoutItsAddressStopsTheStart()
    {
        var settings = new ChannelOptions { WhatsApp = { Enabled = true, Url = "bukan alamat", Token = "" } };
        var errors = settings.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(settings)).ToList();
        Assert.Contains(errors, e => e.MemberNames.Contains("WhatsApp:Url"));
        Assert.Contains(errors, e => e.MemberNames.Contains("WhatsApp:Token"));
        Assert.Empty(new ChannelOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new ChannelOptions())));
    }
}
