namespace Belu.Portal.Common;

/// <summary>
/// The background workers' beat on the injected clock, as a <see cref="PeriodicTimer"/> would beat, with one difference:
/// a clock that jumps (a host resumed after a night, a test's fake clock moved by days) ticks once, and the next tick
/// comes one interval after that. A <see cref="PeriodicTimer"/> on a fake clock moved three days fires a 10-second
/// period 25,920 times before the jump returns, and each firing woke a worker for a database poll. A tick that comes
/// while the worker is busy is kept for its next wait, so a jump during a check is not missed.
/// </summary>
public sealed class ClockTicker : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _ticked;
    private TaskCompletionSource<bool>? _waiter;

    public ClockTicker(TimeSpan interval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _interval = interval;
        _timer = time.CreateTimer(_ => Tick(), null, interval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completes at the next tick, at once if one came since the last wait; throws when stopped.</summary>
    public ValueTask<bool> WaitForNextTickAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_ticked)
            {
                _ticked = false;
                return ValueTask.FromResult(true);
            }
            _waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            return new ValueTask<bool>(_waiter.Task.WaitAsync(ct));
        }
    }

    private void Tick()
    {
        TaskCompletionSource<bool>? waiter;
        lock (_gate)
        {
            (waiter, _waiter) = (_waiter, null);
            _ticked = waiter is null;
        }
        // One interval from now, however many were skipped.
        _timer.Change(_interval, Timeout.InfiniteTimeSpan);
        waiter?.TrySetResult(true);
    }

    public void Dispose() => _timer.Dispose();
}
