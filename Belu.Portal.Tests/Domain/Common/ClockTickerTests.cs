using Belu.Portal.Common;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Domain.Common;

/// <summary>
/// The background workers' ticker: a clock that jumps (a host resumed after a night, a test's fake clock moved by days)
/// wakes a worker once, and the next tick is a whole interval after that wake-up, not one for every interval skipped.
/// </summary>
public class ClockTickerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AJumpOfThreeDaysWakesTheWorkerOnceAndTheNextTickWaitsAWholeInterval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        using var ticker = new ClockTicker(Interval, time);

        var first = ticker.WaitForNextTickAsync(CancellationToken.None).AsTask();
        Assert.False(first.IsCompleted);
        time.Advance(TimeSpan.FromDays(3));
        Assert.True(await first);

        var second = ticker.WaitForNextTickAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await second);
    }

    [Fact]
    public void ATickWhileTheWorkerIsBusyIsKeptForItsNextWaitButOnlyOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        using var ticker = new ClockTicker(Interval, time);

        // Nobody waits while the clock moves a day: one tick is kept, not 8,640.
        time.Advance(TimeSpan.FromDays(1));
        Assert.True(ticker.WaitForNextTickAsync(CancellationToken.None).IsCompleted);
        Assert.False(ticker.WaitForNextTickAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task StoppingEndsTheWait()
    {
        using var ticker = new ClockTicker(Interval, new FakeTimeProvider());
        using var stop = new CancellationTokenSource();
        var wait = ticker.WaitForNextTickAsync(stop.Token).AsTask();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
