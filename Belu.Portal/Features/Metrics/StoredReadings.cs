using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Metrics;

/// <summary>
/// What the gauges read from the database: the outbox (rows and the oldest) and each approved machine's last contact.
/// Read on a scrape at most every <see cref="MetricsOptions.ReadEverySeconds"/> with two small queries (the outbox is
/// nearly always empty and indexed by time; machines are a few dozen rows), and kept in between, so a scrape never
/// costs more than that. A failed read keeps the previous figures and is logged: a scrape never fails for it.
/// </summary>
public sealed class StoredReadings(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider time,
    IOptions<MetricsOptions> options,
    ILogger<StoredReadings> logger)
{
    public sealed record Machine(string Name, string Kind, DateTime? LastSeenUtc);

    public sealed record Snapshot(int OutboxRows, DateTime? OldestOutboxUtc, IReadOnlyList<Machine> Machines)
    {
        public static readonly Snapshot Empty = new(0, null, []);

        public double OutboxAgeSeconds(DateTime nowUtc) =>
            OldestOutboxUtc is DateTime oldest ? Math.Max(0, (nowUtc - oldest).TotalSeconds) : 0;
    }

    private readonly Lock _lock = new();
    private Snapshot? _last;
    private DateTimeOffset _readAt;

    public Snapshot Current()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_last is null || now - _readAt >= TimeSpan.FromSeconds(options.Value.ReadEverySeconds) || now < _readAt)
            {
                try
                {
                    _last = Read();
                    _readAt = now;
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Metrics could not read the outbox and machines; the previous figures stay");
                }
            }
            return _last ?? Snapshot.Empty;
        }
    }

    // Synchronous on purpose: gauges are observed inside the exporter's collect, which has no await.
    private Snapshot Read()
    {
        using var db = dbFactory.CreateDbContext();
        var rows = db.OutboxEvents.Count();
        var oldest = rows == 0 ? null : db.OutboxEvents.Min(e => (DateTime?)e.CreatedUtc);
        var machines = db.AttendanceDevices.AsNoTracking()
            .Where(d => d.IsActive && (d.Kind == DeviceKind.Api || d.Approval == MachineApproval.Disetujui))
            .Select(d => new { d.SerialNumber, d.Name, d.Kind, d.LastSeenUtc })
            .ToList()
            .Select(d => new Machine(d.SerialNumber ?? d.Name, d.Kind == DeviceKind.Adms ? "adms" : "api", d.LastSeenUtc))
            .ToList();
        return new Snapshot(rows, oldest, machines);
    }
}
