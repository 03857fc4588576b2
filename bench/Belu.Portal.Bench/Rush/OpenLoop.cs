using System.Diagnostics;

namespace Belu.Portal.Bench.Rush;

/// <summary>What one response acknowledged: stored punches and duplicates (an idempotent repeat), or an error.</summary>
internal readonly record struct Ack(bool Ok, int Stored, int Duplicates);

/// <summary>The figures of one (path, provider, rate) run.</summary>
internal sealed class RunFigures
{
    public required string Path { get; init; }
    public required string Provider { get; init; }
    public required int TargetRate { get; init; }
    public required double Seconds { get; init; }
    public int Sent { get; init; }
    public int Ok { get; init; }
    public int Errors { get; init; }
    public int Acknowledged { get; init; }
    public int Duplicates { get; init; }
    public double Achieved { get; init; }
    public double P50 { get; init; }
    public double P95 { get; init; }
    public double P99 { get; init; }
    public double Max { get; init; }
    public string? FirstError { get; init; }
    /// <summary>p99 of the requests scheduled in each second of the run, in ms: where in the run the tail falls.</summary>
    public double[] PerSecondP99 { get; init; } = [];
    /// <summary>CPU time the server process used per answered request (null for the in-bench baseline).</summary>
    public double? CpuMsPerRequest { get; set; }
    public int Stored { get; set; }
    public int Lost => Math.Max(0, Acknowledged - Stored);
    public double? Ratio { get; set; }
}

/// <summary>
/// An open-loop load generator: request i starts at t0 + i/rate whether or not earlier ones have answered, and its
/// latency runs from that scheduled instant to the end of its response, so time spent queueing (in the client's
/// connection pool or the server) counts. A dedicated thread keeps the schedule.
/// </summary>
internal static class OpenLoop
{
    public static async Task<RunFigures> RunAsync(string path, string provider, HttpMessageInvoker client, int rate, TimeSpan duration,
        Func<int, HttpRequestMessage> request, Func<HttpResponseMessage, string, Ack> read, TimeSpan timeout)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latency = new long[total];
        var acks = new Ack[total];
        var errors = new string?[total];
        var tasks = new Task[total];
        using var cancel = new CancellationTokenSource(duration + timeout);
        var frequency = (double)Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        long lastEnd = start;

        async Task SendAsync(int i, long due)
        {
            try
            {
                using var message = request(i);
                using var response = await client.SendAsync(message, cancel.Token);
                var body = await response.Content.ReadAsStringAsync(cancel.Token);
                acks[i] = response.IsSuccessStatusCode ? read(response, body) : default;
                if (!acks[i].Ok)
                {
                    errors[i] = $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}";
                }
            }
            catch (Exception ex)
            {
                acks[i] = default;
                errors[i] = ex.GetType().Name + ": " + ex.Message;
            }
            var end = Stopwatch.GetTimestamp();
            latency[i] = end - due;
            InterlockedMax(ref lastEnd, end);
        }

        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * frequency / rate);
                while (true)
                {
                    var wait = due - Stopwatch.GetTimestamp();
                    if (wait <= 0)
                    {
                        break;
                    }
                    if (wait > Stopwatch.Frequency / 500)
                    {
                        Thread.Sleep(1);
                    }
                    else
                    {
                        Thread.SpinWait(50);
                    }
                }
                tasks[i] = SendAsync(i, due);
            }
        }) { IsBackground = true, Name = "open-loop scheduler", Priority = ThreadPriority.AboveNormal };
        scheduler.Start();
        scheduler.Join();
        await Task.WhenAll(tasks);

        var ok = acks.Count(a => a.Ok);
        var milliseconds = latency.Select(t => t * 1000.0 / frequency).ToArray();
        var sorted = milliseconds.Order().ToArray();
        double Percentile(double p) => PercentileOf(sorted, p);
        var perSecond = milliseconds.Chunk(rate).Select(second => PercentileOf(second.Order().ToArray(), 0.99)).ToArray();
        var elapsed = (lastEnd - start) / frequency;
        return new RunFigures
        {
            Path = path,
            Provider = provider,
            TargetRate = rate,
            Seconds = duration.TotalSeconds,
            Sent = total,
            Ok = ok,
            Errors = total - ok,
            Acknowledged = acks.Sum(a => a.Stored),
            Duplicates = acks.Sum(a => a.Duplicates),
            Achieved = elapsed > 0 ? ok / Math.Max(elapsed, duration.TotalSeconds) : 0,
            P50 = Percentile(0.50),
            P95 = Percentile(0.95),
            P99 = Percentile(0.99),
            Max = sorted.Length == 0 ? 0 : sorted[^1],
            FirstError = errors.FirstOrDefault(e => e is not null),
            PerSecondP99 = perSecond,
        };
    }

    private static double PercentileOf(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
