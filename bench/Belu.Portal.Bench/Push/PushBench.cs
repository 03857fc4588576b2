using System.Diagnostics;
using System.Globalization;

namespace Belu.Portal.Bench.Push;

/// <summary>
/// Push latency: hub clients and real board pages in Chromium listen while late check-ins are punched through the
/// device endpoint at a steady rate; every client timestamps every event it receives.
///   push [--clients 500] [--boards 3] [--board-circuits 0] [--tokens 5] [--rate 5] [--events 250]
///
/// Anchor: each late check-in event carries AtUtc, which the portal sets right after the punch's transaction commits
/// (PunchRecorder), before it stores the notifications and fans the event out. Latency is receipt (the hub client's
/// handler, or the ticker line appearing in the page's DOM) minus that instant, all on one machine and one clock.
/// </summary>
internal static class PushBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = PushOptions.Parse(args);
        Console.WriteLine($"push: {options.Clients} hub clients over {options.Tokens} regency display tokens, {options.Boards} board pages in Chromium, " +
            $"{options.BoardCircuits} board circuits (protocol-level), {options.Events} late check-ins at {options.Rate} per second");
        await using var portal = new BenchPortal();
        await portal.StartAsync();

        var day = await PushDay.ArrangeAsync(portal, options);
        await using var listeners = await PushListeners.OpenAsync(portal, day.Secrets, options);
        using var punches = new PushPunches(portal, day.DeviceKey);
        await punches.WarmUpAsync(day.Warmup);
        await listeners.ForgetAsync();
        listeners.LookFor(day.Measured.Select(m => m.Name));

        Console.WriteLine($"  raising {day.Measured.Count} events at {options.Rate}/s ...");
        var cpuBefore = portal.CpuTime();
        var run = Stopwatch.StartNew();
        var acks = await punches.RaiseAtSteadyRateAsync(day.Measured, options.Rate, run);
        var raisingSeconds = run.Elapsed.TotalSeconds;
        await listeners.WaitForStragglersAsync(day.Measured.Count);
        var cpu = portal.CpuTime() - cpuBefore;
        if (options.Screenshot is string screenshot)
        {
            await listeners.ScreenshotFirstBoardAsync(screenshot);
        }
        var wall = run.Elapsed;

        var report = new PushReport(day.Measured, acks);
        report.CountHubClients(listeners.Received);
        await report.CountBoardsAsync(listeners.Pages);
        report.CountBoardCircuits(listeners.CircuitSeen);
        report.Print(options, raisingSeconds, cpu, wall);
        return 0;
    }
}

/// <summary>The command line of the push benchmark.</summary>
internal sealed record PushOptions(int Clients, int Boards, int Tokens, double Rate, int Events, string? Screenshot, int BoardCircuits = 0)
{
    public static PushOptions Parse(string[] args) => new(
        Option(args, "--clients", 500),
        Option(args, "--boards", 3),
        Math.Max(1, Option(args, "--tokens", 5)),
        Math.Max(0.1, Option(args, "--rate", 5.0)),
        Option(args, "--events", 250),
        Array.IndexOf(args, "--screenshot") is var s and >= 0 && s + 1 < args.Length ? args[s + 1] : null,
        Option(args, "--board-circuits", 0));

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static double Option(string[] args, string name, double fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
