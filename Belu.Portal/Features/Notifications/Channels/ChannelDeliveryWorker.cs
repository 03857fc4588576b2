using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Notifications.Channels;

/// <summary>
/// Sends the queued channel copies after their commit: every <see cref="ChannelOptions.PollSeconds"/>, and at once when
/// the publisher has queued something. Each channel's messages go in a lane of their own, each send with its own time
/// limit, so a gateway that hangs or answers 500 delays neither the bell nor the other channels. A failure waits
/// RetryFirstSeconds, then twice as long each time up to RetryMaxSeconds; after MaxAttempts the message is Gagal and
/// stays in the delivery log.
/// </summary>
public sealed class ChannelDeliveryWorker(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEnumerable<INotificationChannel> channels,
    IOptions<ChannelOptions> options,
    TimeProvider time,
    ILogger<ChannelDeliveryWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Something was queued: look now rather than at the next tick.</summary>
    public void Nudge()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already nudged by another publisher: one look serves both.
            }
        }
    }

    /// <summary>Sends every message that is due; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var lanes = channels.Where(c => settings.Enabled().Contains(c.Kind)).ToList();
        var results = await Task.WhenAll(lanes.Select(lane => RunLaneAsync(lane, now, settings, ct)));
        return results.Sum();
    }

    private async Task<int> RunLaneAsync(INotificationChannel channel, DateTime now, ChannelOptions settings, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.ChannelMessages.AsNoTracking()
            .Where(m => m.Channel == channel.Kind && m.State == ChannelMessageState.Menunggu && m.NextAttemptUtc <= now)
            .OrderBy(m => m.NextAttemptUtc).Take(50).ToListAsync(ct);
        var sent = 0;
        // A lease as long as the send may take: another instance (or the next tick) does not send it twice meanwhile.
        var lease = now.AddSeconds(settings.TimeoutSeconds * 2 + 5);
        foreach (var message in due)
        {
            var claimed = await db.ChannelMessages
                .Where(m => m.Id == message.Id && m.State == ChannelMessageState.Menunggu && m.NextAttemptUtc == message.NextAttemptUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, lease), ct);
            if (claimed != 1)
            {
                continue;
            }
            try
            {
                await channel.SendAsync(new OutgoingMessage(message.Recipient, message.Subject, message.Body), ct);
                var sentAt = time.GetUtcNow().UtcDateTime;
                await db.ChannelMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, ChannelMessageState.Terkirim)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.SentUtc, sentAt)
                    .SetProperty(m => m.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var error = ChannelHttp.Cut(ex.Message, 500);
                var failed = attempts >= settings.MaxAttempts;
                var next = time.GetUtcNow().UtcDateTime + Backoff(attempts, settings);
                logger.LogWarning("{Channel} message {MessageId} failed (attempt {Attempt}): {Error}", channel.Kind, message.Id, attempts, error);
                await db.ChannelMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptUtc, next)
                    .SetProperty(m => m.State, failed ? ChannelMessageState.Gagal : ChannelMessageState.Menunggu), ct);
            }
        }
        return sent;
    }

    /// <summary>RetryFirstSeconds × 2^(attempts−1), at most RetryMaxSeconds.</summary>
    public static TimeSpan Backoff(int attempts, ChannelOptions settings)
    {
        var seconds = settings.RetryFirstSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.RetryMaxSeconds));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Enabled().Count == 0)
        {
            return;
        }
        try
        {
            using var timer = new ClockTicker(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
            var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            var wake = _wake.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database was busy: the next look tries again; the worker must not die.
                    logger.LogError(ex, "Channel delivery failed");
                }
                // Either wakes the loop; the one that did not fire is kept for the next round, so no nudge is lost.
                await Task.WhenAny(tick, wake);
                if (tick.IsCompleted)
                {
                    await tick;
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                if (wake.IsCompleted)
                {
                    await wake;
                    wake = _wake.WaitAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Channel delivery stopped");
        }
    }
}
