using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Runs <see cref="RemindUndecidedRequests"/> on the injected clock every
/// <see cref="AttendanceOptions.RequestReminderCheckMinutes"/>. Checking often costs one small query; each request is
/// still reminded of only once.
/// </summary>
public sealed class RequestReminderWorker(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<AttendanceOptions> options,
    ILogger<RequestReminderWorker> logger) : BackgroundService
{
    private long _lastPassTicks;

    /// <summary>The clock's time (UTC) when the last finished check began; a check that began later sees every request up to then.</summary>
    public DateTime LastPassUtc => new(Interlocked.Read(ref _lastPassTicks), DateTimeKind.Utc);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new ClockTicker(TimeSpan.FromMinutes(Math.Max(1, options.Value.RequestReminderCheckMinutes)), time);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Request reminder worker stopped");
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        var startedUtc = time.GetUtcNow().UtcDateTime;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<RemindUndecidedRequests>().RunOnceAsync(ct);
            if (count > 0)
            {
                logger.LogInformation("Reminded approvers of {Count} undecided requests", count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed check (database busy) is retried at the next tick; the worker must not die.
            logger.LogError(ex, "Request reminder check failed");
        }
        finally
        {
            Interlocked.Exchange(ref _lastPassTicks, startedUtc.Ticks);
        }
    }
}
