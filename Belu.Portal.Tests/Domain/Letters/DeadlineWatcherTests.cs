using Belu.Portal.Features.Letters;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Domain.Letters;

public class DeadlineWatcherTests
{
    private sealed class CountingScanner : IDeadlineScanner
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public Exception? FailNext { get; set; }

        public Task<int> RunOnceAsync(CancellationToken ct = default)
        {
            Interlocked.Increment(ref _runs);
            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }
            return Task.FromResult(0);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string>? describe = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "condition not met in time " + describe?.Invoke());
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task TheWatcherScansAfterTheDelayAndThenEveryIntervalOnTheInjectedClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        var scanner = new CountingScanner();
        var options = Options.Create(new LettersOptions { DeadlineScanDelay = TimeSpan.FromSeconds(20), DeadlineScanInterval = TimeSpan.FromMinutes(5) });
        using var watcher = new DeadlineWatcher(scanner, time, options, NullLogger<DeadlineWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);

        // The host starts ExecuteAsync in the background: step the clock until the first scan, which must not come before the delay.
        var seconds = 0;
        while (scanner.Runs == 0)
        {
            Assert.True(seconds < 120, "no scan after two fake minutes");
            time.Advance(TimeSpan.FromSeconds(1));
            seconds++;
            await Task.Delay(5);
        }
        Assert.True(seconds >= 20, $"scanned after {seconds} s, before the 20 s delay");
        await WaitForAsync(() => scanner.Runs == 1);
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(1, scanner.Runs);
        time.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(() => scanner.Runs == 2, () => $"runs: {scanner.Runs}, now {time.GetUtcNow():HH:mm:ss}");

        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AFailedScanDoesNotStopTheWatcher()
    {
        var time = new FakeTimeProvider();
        var scanner = new CountingScanner { FailNext = new InvalidOperationException("database is locked") };
        var options = Options.Create(new LettersOptions { DeadlineScanDelay = TimeSpan.Zero, DeadlineScanInterval = TimeSpan.FromMinutes(1) });
        using var watcher = new DeadlineWatcher(scanner, time, options, NullLogger<DeadlineWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        await WaitForAsync(() => scanner.Runs == 1);
        time.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(() => scanner.Runs == 2);
        await watcher.StopAsync(CancellationToken.None);
    }
}
