using Belu.Portal.Common;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Notifications.Reminders;

/// <summary>
/// Runs the morning digest, the disposition reminders and the request escalation on the injected clock: at
/// <see cref="ReminderOptions.DigestTime"/> and every <see cref="ReminderOptions.CheckMinutes"/>. It waits before its
/// first check, so a start late in the morning does not flood the bells at once; the per-day marks make every check
/// safe to repeat (a restart at 07:05 sends nothing twice).
/// </summary>
public sealed class ReminderWorker(
    IServiceScopeFactory scopes,
    TimeProvider time,
    OfficeClock clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderWorker> logger) : BackgroundService
{
    private long _lastPassTicks;

    /// <summary>The clock's time (UTC) when the last finished check began; tests wait for it.</summary>
    public DateTime LastPassUtc => new(Interlocked.Read(ref _lastPassTicks), DateTimeKind.Utc);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        try
        {
            var anchor = clock.LocalNow;
            while (!stoppingToken.IsCancellationRequested)
            {
                // Due counts from the last check, not from now: a clock that jumped past it (a suspended host, a test's
                // fake clock) checks at once instead of waiting a whole interval more.
                var wait = NextCheck(anchor) - clock.LocalNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                anchor = clock.LocalNow;
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Reminder worker stopped");
        }
    }

    /// <summary>The regular check after <paramref name="lastLocal"/>, or the digest time when that comes first.</summary>
    private DateTime NextCheck(DateTime lastLocal)
    {
        var o = options.Value;
        var regular = lastLocal.AddMinutes(o.CheckMinutes);
        var digestToday = DateOnly.FromDateTime(lastLocal).ToDateTime(o.DigestTime);
        var nextDigest = digestToday > lastLocal ? digestToday : digestToday.AddDays(1);
        return nextDigest < regular ? nextDigest : regular;
    }

    /// <summary>One check: the digest first (it is the morning's first word), then reminders and escalations.</summary>
    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        var startedUtc = time.GetUtcNow().UtcDateTime;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var digests = await scope.ServiceProvider.GetRequiredService<SendMorningDigest>().RunOnceAsync(ct);
            var reminders = await scope.ServiceProvider.GetRequiredService<RemindDispositions>().RunOnceAsync(ct);
            var escalations = await scope.ServiceProvider.GetRequiredService<EscalateUndecidedRequests>().RunOnceAsync(ct);
            if (digests + reminders + escalations > 0)
            {
                logger.LogInformation("Sent {Digests} digests, {Reminders} disposition reminders and {Escalations} request escalations",
                    digests, reminders, escalations);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed check (database busy) is retried at the next one; its marks were not taken, so nothing is lost.
            logger.LogError(ex, "Reminder check failed");
        }
        finally
        {
            Interlocked.Exchange(ref _lastPassTicks, startedUtc.Ticks);
        }
    }
}
