using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Devices.Commands;

/// <summary>
/// Every <see cref="AdmsOptions.WatchEveryMinutes"/> on the injected clock: announces the machines silent in working
/// hours (<see cref="AnnounceSilentMachines"/>) and fails the commands no machine answered in time
/// (<see cref="ExpireUnansweredCommands"/>). A clock that jumps ticks once (<see cref="ClockTicker"/>).
/// </summary>
public sealed class MachineWatch(IServiceScopeFactory scopes, TimeProvider time, IOptions<AdmsOptions> options, ILogger<MachineWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new ClockTicker(TimeSpan.FromMinutes(options.Value.WatchEveryMinutes), time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync<AnnounceSilentMachines>(s => s.RunAsync(stoppingToken), "silent-machine watch");
                await RunOnceAsync<ExpireUnansweredCommands>(e => e.RunAsync(stoppingToken), "unanswered-command watch");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Machine watch stopped");
        }
    }

    private async Task RunOnceAsync<T>(Func<T, Task<int>> run, string name) where T : notnull
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider.GetRequiredService<T>());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; the portal keeps serving.
            logger.LogError(ex, "The {Watch} failed", name);
        }
    }
}
