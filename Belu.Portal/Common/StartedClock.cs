using System.Diagnostics;

namespace Belu.Portal.Common;

/// <summary>
/// A clock that starts at a chosen instant and then runs at the real pace: timers and delays behave as usual,
/// only the date and time of day are moved. For demos and the test suite (<c>Clock:StartsAt</c>, Development only),
/// so that nothing depends on the day the portal happens to be started.
/// </summary>
public sealed class StartedClock(DateTimeOffset startsAt) : TimeProvider
{
    private readonly long _startedTicks = Stopwatch.GetTimestamp();

    public DateTimeOffset StartsAt { get; } = startsAt.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => StartsAt + Stopwatch.GetElapsedTime(_startedTicks);
}
