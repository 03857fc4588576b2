using Belu.Portal.Features.Reports;
using Belu.Portal.Features.Reports.Pipeline;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Domain.Reports;

public class ExportGateTests
{
    private readonly FakeTimeProvider _time = new();

    private ExportGate Gate(int permits, int queue, int timeoutSeconds = 20) =>
        new(Options.Create(new ReportOptions { MaxConcurrentExports = permits, QueueLimit = queue, QueueTimeoutSeconds = timeoutSeconds }), _time);

    [Fact]
    public async Task ExportsBeyondTheSlotsAndTheQueueAreRefusedAtOnce()
    {
        using var gate = Gate(permits: 2, queue: 1);
        using var first = await gate.EnterAsync(CancellationToken.None);
        using var second = await gate.EnterAsync(CancellationToken.None);
        var queued = gate.EnterAsync(CancellationToken.None);
        Assert.False(queued.IsCompleted);
        Assert.Equal(1, gate.Queued);

        var refused = await Assert.ThrowsAsync<ExportBusyException>(() => gate.EnterAsync(CancellationToken.None));
        Assert.Contains("coba lagi", refused.Message);

        first.Dispose();
        using var third = await queued;
        Assert.True(third.IsAcquired);
    }

    [Fact]
    public async Task AQueuedExportGivesUpAfterTheQueueTimeout()
    {
        using var gate = Gate(permits: 1, queue: 4, timeoutSeconds: 20);
        using var busy = await gate.EnterAsync(CancellationToken.None);
        var queued = gate.EnterAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(queued.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ExportBusyException>(() => queued);
        Assert.Equal(0, gate.Queued);
    }

    [Fact]
    public async Task AnExportWhoseCallerLeftStopsWaitingWithoutBeingCalledBusy()
    {
        using var gate = Gate(permits: 1, queue: 4);
        using var busy = await gate.EnterAsync(CancellationToken.None);
        using var gone = new CancellationTokenSource();
        var queued = gate.EnterAsync(gone.Token);
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
    }
}
