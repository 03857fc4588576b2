using System.Collections.Concurrent;
using System.Globalization;
using Belu.Portal.Bench.Circuits;
using Belu.Portal.Bench.Common;

namespace Belu.Portal.Bench.Users;

/// <summary>What the portal process used over the measured window, and the heap it left.</summary>
internal sealed record PortalUsage(double CpuCores, double ClientCpuCores, long PeakRssKiB, GcHeapReading? Heap, string LoadBefore, string LoadAfter);

/// <summary>The clicks sent in the measured window and what became of them, printed in the benches' table style.</summary>
internal sealed class UsersReport
{
    private readonly ConcurrentBag<ClickResult> _results = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();

    public void Add(ClickResult result)
    {
        _results.Add(result);
        if (result.Error is { } error)
        {
            _errors.AddOrUpdate(error.Length > 160 ? error[..160] : error, 1, (_, n) => n + 1);
        }
    }

    public int Sent => _results.Count;

    public int Answered => _results.Count(r => r.Outcome == ClickOutcome.Answered);

    /// <summary>Clicks that got no render batch back, no completion in time, or an error: each one a failure of the run.</summary>
    public int Missed => Sent - Answered;

    public double P95Ms => Percentile(Last(), 0.95);

    /// <summary>Prints the figures; the goal is judged on the final render (the list the click asked for is shown).</summary>
    public void Print(int users, int failedToStart, TimeSpan interval, TimeSpan window, PortalUsage usage, double goalMs)
    {
        var last = Last();
        var first = _results.Where(r => r.Outcome == ClickOutcome.Answered).Select(r => r.FirstMs).Order().ToList();
        string Ms(double v) => v.ToString("0", CultureInfo.InvariantCulture);
        string Row(List<double> v) => v.Count == 0 ? "— | — | — | —" : $"{Ms(Percentile(v, .5))} | {Ms(Percentile(v, .95))} | {Ms(Percentile(v, .99))} | {Ms(v[^1])}";

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"users: {users} circuits ({failedToStart} failed to start), a click each every {interval.TotalSeconds:0} s, measured over {window.TotalSeconds:0} s"));
        Console.WriteLine($"clicks: {Sent} sent, {Answered} answered, {Missed} missed " +
            $"({_results.Count(r => r.Outcome == ClickOutcome.NoRender)} without a render, {_results.Count(r => r.Outcome == ClickOutcome.Unanswered)} unanswered, {_results.Count(r => r.Outcome == ClickOutcome.Failed)} failed)");
        foreach (var (error, count) in _errors.OrderByDescending(e => e.Value).Take(5))
        {
            Console.WriteLine($"  {count} × {error}");
        }
        Console.WriteLine();
        Console.WriteLine("| UI round-trip (ms) | p50 | p95 | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| click → first render batch | {Row(first)} |");
        Console.WriteLine($"| click → last render batch (list shown) | {Row(last)} |");
        Console.WriteLine();
        Console.WriteLine("| circuits | clicks/s | sent | answered | missed | failed to start | p95 (ms) | portal CPU (cores) | bench client CPU (cores) | portal peak RSS | GC heap after full GC (live) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var heap = usage.Heap is { } h ? string.Create(CultureInfo.InvariantCulture, $"{h.HeapBytes / 1048576.0:0} MiB ({h.PromotedBytes / 1048576.0:0} MiB)") : "—";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {users - failedToStart} | {Sent / window.TotalSeconds:0} | {Sent} | {Answered} | {Missed} | {failedToStart} | {(last.Count == 0 ? "—" : Ms(Percentile(last, .95)))} | {usage.CpuCores:0.00} | {usage.ClientCpuCores:0.00} | {usage.PeakRssKiB / 1024.0:0} MiB | {heap} |"));
        Console.WriteLine($"load average before: {usage.LoadBefore}; after: {usage.LoadAfter}");
        BenchResults.Record("users:p95", last.Count == 0 ? double.NaN : Percentile(last, .95), "ms", string.Create(CultureInfo.InvariantCulture,
            $"{users - failedToStart} circuits, {Sent} clicks, p50 {(last.Count == 0 ? 0 : Percentile(last, .5)):0} ms, portal CPU {usage.CpuCores:0.00} cores"));
        BenchResults.Record("users:missed", Missed + failedToStart, "", $"{Missed} clicks missed, {failedToStart} circuits failed to start");
        var met = last.Count > 0 && Missed == 0 && failedToStart == 0 && Percentile(last, .95) < goalMs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goal (p95 < {goalMs:0} ms, no click missed, every circuit up): {(met ? "met" : "MISSED")}"));
    }

    private List<double> Last() => _results.Where(r => r.Outcome == ClickOutcome.Answered).Select(r => r.LastMs).Order().ToList();

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
