using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>Too many exports at once: the caller is asked to try again later (HTTP 429).</summary>
public sealed class ExportBusyException()
    : Exception("Server sedang menyiapkan banyak laporan lain. Silakan coba lagi dalam satu menit.");

/// <summary>
/// Bounds the workbooks written at the same time (a few, the machine is small), queues a few more for a while and
/// refuses the rest politely, so a crowd of exports cannot exhaust memory.
/// </summary>
public sealed class ExportGate(IOptions<ReportOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Math.Max(1, options.Value.MaxConcurrentExports),
        QueueLimit = Math.Max(0, options.Value.QueueLimit),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly TimeSpan _queueTimeout = TimeSpan.FromSeconds(Math.Max(0, options.Value.QueueTimeoutSeconds));

    /// <summary>Exports waiting for a slot now.</summary>
    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    public TimeSpan RetryAfter => _queueTimeout > TimeSpan.FromSeconds(30) ? _queueTimeout : TimeSpan.FromSeconds(30);

    /// <summary>Waits for a slot; dispose the lease when the workbook is written. Throws <see cref="ExportBusyException"/>.</summary>
    public async Task<RateLimitLease> EnterAsync(CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_queueTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new ExportBusyException();
        }
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ExportBusyException();
        }
        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
