namespace Belu.Portal.Features.Organization.Acting;

/// <summary>Runs <see cref="ReturnActingItems"/> every few minutes on the injected clock; each ended range is told once.</summary>
public sealed class ActingReturnWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<ActingReturnWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new ClockTicker(Interval, time);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Acting return worker stopped");
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var told = await scope.ServiceProvider.GetRequiredService<ReturnActingItems>().RunOnceAsync(ct);
            if (told > 0)
            {
                logger.LogInformation("Told {Count} officials that their acting officials' ranges ended", told);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed check (database busy) is retried at the next tick; the worker must not die.
            logger.LogError(ex, "Acting return check failed");
        }
    }
}
