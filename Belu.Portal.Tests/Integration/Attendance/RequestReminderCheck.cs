using Belu.Portal.Features.Attendance;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

public static class RequestReminderCheck
{
    /// <summary>Moves the clock and returns once the hosted request reminder has finished a check that began at or after that time.</summary>
    public static async Task CheckRequestRemindersAtAsync(this PortalFactory factory, DateOnly day, int hour, int minute)
    {
        factory.SetLocal(day, hour, minute);
        var target = factory.Time.GetUtcNow().UtcDateTime;
        var worker = factory.Services.GetRequiredService<RequestReminderWorker>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (worker.LastPassUtc < target)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
