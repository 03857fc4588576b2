using System.Diagnostics.Metrics;

namespace Belu.Portal.Features.Metrics;

/// <summary>
/// The portal's own instruments, on the meter <see cref="MeterName"/> (docs/decisions/0027). Features record through
/// the methods here; recording costs nothing while no listener (the Prometheus exporter) is attached. Request latency
/// per route, Blazor circuits and the runtime come from ASP.NET Core's and .NET's own meters.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "Belu.Portal";

    private readonly Counter<long> _punches;
    private readonly Histogram<double> _pushLatency;
    private readonly Histogram<double> _exportDuration;
    private readonly UpDownCounter<long> _hubConnections;

    public PortalMetrics(IMeterFactory meters, StoredReadings stored, TimeProvider time)
    {
        var meter = meters.Create(MeterName);
        _punches = meter.CreateCounter<long>("belu.attendance.punches", "{punch}",
            "Punches stored, refused as duplicates or parked for review, by source (check-ins and check-outs)");
        _pushLatency = meter.CreateHistogram<double>("belu.push.latency", "s",
            "From an event's moment (stamped in the transaction that committed it) to its push to open pages, hub clients and boards",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        _exportDuration = meter.CreateHistogram<double>("belu.report.export.duration", "s",
            "An Excel export from the request to its last byte, by report, writer and outcome",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300] });
        _hubConnections = meter.CreateUpDownCounter<long>("belu.hub.connections", "{connection}",
            "Open connections to /hubs/notifications, by client (a person's app or a wall board)");

        meter.CreateObservableGauge<long>("belu.outbox.backlog", () => (long)stored.Current().OutboxRows, "{event}",
            "Events committed but not yet published (the outbox); the dispatcher retries them every minute");
        meter.CreateObservableGauge<double>("belu.outbox.age", () => stored.Current().OutboxAgeSeconds(time.GetUtcNow().UtcDateTime), "s",
            "Age of the oldest event still in the outbox; 0 when it is empty");
        meter.CreateObservableGauge<double>("belu.machine.silence", () => MachineSilence(stored.Current(), time.GetUtcNow().UtcDateTime), "s",
            "Seconds since each approved attendance machine or device bridge was last heard (written at most every 30 s)");
    }

    /// <summary>Punches answered by the recorder, <paramref name="count"/> at a time for one source and outcome.</summary>
    public void Punches(string source, string outcome, long count) =>
        _punches.Add(count, Tag("source", source), Tag("outcome", outcome));

    public void PushDelivered(TimeSpan sinceEvent) => _pushLatency.Record(Math.Max(0, sinceEvent.TotalSeconds));

    public void ExportFinished(string report, string writer, bool completed, TimeSpan elapsed) =>
        _exportDuration.Record(elapsed.TotalSeconds, Tag("report", report), Tag("writer", writer), Tag("outcome", completed ? "ok" : "failed"));

    public void HubConnected(bool board) => _hubConnections.Add(1, Tag("client", board ? "board" : "user"));

    public void HubDisconnected(bool board) => _hubConnections.Add(-1, Tag("client", board ? "board" : "user"));

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    private static IEnumerable<Measurement<double>> MachineSilence(StoredReadings.Snapshot snapshot, DateTime nowUtc)
    {
        foreach (var machine in snapshot.Machines)
        {
            if (machine.LastSeenUtc is DateTime seen)
            {
                yield return new Measurement<double>(Math.Max(0, (nowUtc - seen).TotalSeconds),
                    Tag("machine", machine.Name), Tag("kind", machine.Kind));
            }
        }
    }
}
