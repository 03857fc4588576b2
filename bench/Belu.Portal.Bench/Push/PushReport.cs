using System.Collections.Concurrent;
using System.Globalization;
using Belu.Portal.Bench.Common;
using Microsoft.Playwright;

namespace Belu.Portal.Bench.Push;

/// <summary>The latencies of the measured punches, from what the hub clients and the board pages received.</summary>
internal sealed class PushReport(List<Staff> measured, ConcurrentDictionary<int, (DateTime SentUtc, DateTime AckUtc, bool Ok)> acks)
{
    private readonly Dictionary<string, Staff> _expectedNames = measured.ToDictionary(m => m.Name);
    private readonly Dictionary<Guid, (string Text, DateTime AtUtc)> _events = [];
    private readonly List<double> _hubLatencies = [];
    private readonly List<double> _hubFromAck = [];
    private readonly List<double> _boardLatencies = [];
    private readonly List<double> _circuitLatencies = [];
    private long _circuitMissed;
    private int _circuits;
    private long _hubMissed;
    private int _boardMissed;

    /// <summary>Hub clients: latency over every (client, event) pair of the measured punches.</summary>
    public void CountHubClients(ConcurrentQueue<(Guid EventId, string Text, DateTime AtUtc, DateTime ReceivedUtc)>[] received)
    {
        foreach (var queue in received)
        {
            foreach (var (eventId, text, atUtc, receivedUtc) in queue)
            {
                if (NameOf(text) is not string name || !_expectedNames.TryGetValue(name, out var member))
                {
                    continue; // the demo site's own events
                }
                _events[eventId] = (text, atUtc);
                _hubLatencies.Add((receivedUtc - atUtc).TotalMilliseconds);
                if (acks.TryGetValue(member.Id, out var ack))
                {
                    _hubFromAck.Add((receivedUtc - ack.AckUtc).TotalMilliseconds);
                }
            }
        }
        _hubMissed = (long)received.Length * _events.Count - _hubLatencies.Count;
    }

    /// <summary>Board pages: the instant the line appeared in the ticker's DOM.</summary>
    public async Task CountBoardsAsync(List<IPage> pages)
    {
        var atByText = _events.Values.GroupBy(e => e.Text).ToDictionary(g => g.Key, g => g.First().AtUtc);
        foreach (var page in pages)
        {
            var seen = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__beluSeen");
            var seenTexts = new HashSet<string>();
            foreach (var item in seen.EnumerateArray())
            {
                var text = item[0].GetString()!;
                var atMs = item[1].GetDouble();
                if (atByText.TryGetValue(text, out var atUtc) && seenTexts.Add(text))
                {
                    _boardLatencies.Add(atMs - (atUtc - DateTime.UnixEpoch).TotalMilliseconds);
                }
            }
            _boardMissed += atByText.Keys.Count(t => !seenTexts.Contains(t));
        }
    }

    /// <summary>Board circuits (protocol level): the first render batch that carried the line, per (circuit, event).</summary>
    public void CountBoardCircuits(ConcurrentDictionary<string, DateTime>[] seen)
    {
        _circuits = seen.Length;
        var atByName = _events.Values.Where(e => NameOf(e.Text) is not null).GroupBy(e => NameOf(e.Text)! + " terlambat ")
            .ToDictionary(g => g.Key, g => g.First().AtUtc);
        foreach (var circuit in seen)
        {
            foreach (var (name, atUtc) in atByName)
            {
                if (circuit.TryGetValue(name, out var receivedUtc))
                {
                    _circuitLatencies.Add((receivedUtc - atUtc).TotalMilliseconds);
                }
                else
                {
                    _circuitMissed++;
                }
            }
        }
    }

    public void Print(PushOptions options, double raisingSeconds, TimeSpan cpu, TimeSpan wall)
    {
        var accepted = acks.Count(a => a.Value.Ok);
        var raised = _events.Count;
        var ackLatencies = acks.Values.Where(a => a.Ok).Select(a => (a.AckUtc - a.SentUtc).TotalMilliseconds).ToList();
        Console.WriteLine();
        Console.WriteLine($"punches sent {measured.Count}, accepted {accepted}, late events raised {raised} in {raisingSeconds:0.0} s ({raised / raisingSeconds:0.0}/s)");
        Console.WriteLine($"portal CPU during the run: {cpu.TotalSeconds:0.0} s over {wall.TotalSeconds:0.0} s wall ({cpu.TotalSeconds / wall.TotalSeconds * 100:0}% of one core); load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine("| measured | pairs | p50 ms | p95 ms | p99 ms | max ms | missed |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Row($"hub clients ({options.Clients}), commit → handler", _hubLatencies, _hubMissed, "push.hub");
        Row($"board pages ({options.Boards}), commit → ticker line in DOM", _boardLatencies, _boardMissed, "push.boards");
        if (_circuits > 0)
        {
            Row($"board circuits ({_circuits}, protocol-level), commit → render batch", _circuitLatencies, _circuitMissed, "push.board-circuits");
        }
        Row("hub clients, HTTP ack → handler (for comparison)", _hubFromAck, 0);
        Row("punch request → HTTP ack", ackLatencies, measured.Count - accepted);
    }

    private static void Row(string label, List<double> values, long missed, string? key = null)
    {
        if (key is not null)
        {
            BenchResults.Record(key + ":missed", missed, "");
        }
        if (values.Count == 0)
        {
            Console.WriteLine($"| {label} | 0 | – | – | – | – | {missed} |");
            return;
        }
        values.Sort();
        if (key is not null)
        {
            BenchResults.Record(key + ":p95", Percentile(values, 95), "ms", string.Create(CultureInfo.InvariantCulture,
                $"{label}: {values.Count:N0} pairs, p50 {Percentile(values, 50):0} ms, p99 {Percentile(values, 99):0} ms"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {values.Count:N0} | {Percentile(values, 50):0} | {Percentile(values, 95):0} | {Percentile(values, 99):0} | {values[^1]:0} | {missed} |"));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>"Name terlambat N menit (masuk HH:mm)" → Name.</summary>
    private static string? NameOf(string text)
    {
        var at = text.IndexOf(" terlambat ", StringComparison.Ordinal);
        return at > 0 ? text[..at] : null;
    }
}
