using System.Diagnostics;
using System.Globalization;
using System.Text;
using Belu.Portal.Bench.Common;
using Belu.Portal.Bench.Rush;

namespace Belu.Portal.Bench.Table;

/// <summary>
/// table: the whole goals table of docs/PERFORMANCE.md in one command. Each scenario runs as its own process of this
/// bench (so one's memory and threads never mix with the next's) and leaves its figures in a file
/// (<see cref="BenchResults"/>); the table judges each row against its goal. With --against, every step is run first
/// by another build of the bench (a folder holding its Belu.Portal.Bench), so a change and its baseline are measured
/// side by side in one run. --quick seeds small sets of its own and shortens every step (under five minutes).
/// </summary>
internal static class TableBench
{
    public const string Usage =
        "table [--quick] [--set <sqlite set folder>] [--pg \"<connection string>\" --pg-set <folder>] [--against <bench folder>]\n" +
        "       [--only letters,close,rush,push,circuits,users,exports,restart] [--work <folder>] [--out table.md]\n" +
        "       the whole goals table, each row beside its goal (and beside another build with --against)";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = TableOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        Directory.CreateDirectory(options.Work);
        var logs = Directory.CreateDirectory(Path.Combine(options.Work, "logs")).FullName;
        var started = Stopwatch.StartNew();
        Console.WriteLine($"table ({(options.Quick ? "quick" : "full")}): work folder {options.Work}, load {Load()}");

        await using var postgres = options.Quick && options.PgConnection is null && options.Wants("letters", "close", "restart") ? new LocalPostgres() : null;
        var sets = await TableSets.PrepareAsync(options, postgres, logs);
        var steps = TableSteps.For(options, sets);

        var mine = Path.Combine(options.Work, "figures.jsonl");
        var theirs = Path.Combine(options.Work, "figures-against.jsonl");
        File.Delete(mine);
        File.Delete(theirs);
        var failures = new List<string>();
        foreach (var step in steps)
        {
            if (options.Against is { } against)
            {
                await RunStepAsync(step, Path.Combine(against, "Belu.Portal.Bench"), theirs, Path.Combine(logs, step.Name + ".against.log"), failures, "against");
            }
            await RunStepAsync(step, Environment.ProcessPath!, mine, Path.Combine(logs, step.Name + ".log"), failures, "this build");
        }

        var table = Render(BenchResults.Read(mine), options.Against is null ? null : BenchResults.Read(theirs), options, sets, started.Elapsed, failures);
        Console.WriteLine();
        Console.WriteLine(table);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, table);
        }
        return 0;
    }

    private static async Task RunStepAsync(TableStep step, string bench, string results, string log, List<string> failures, string which)
    {
        var (exitCode, elapsed) = await RunChildAsync(bench, step.Arguments, results, log);
        Console.WriteLine($"  {step.Name,-18} {which,-10} {elapsed.TotalSeconds,6:0} s  exit {exitCode}  log {log}");
        if (exitCode != 0)
        {
            failures.Add($"{step.Name} ({which}) exited {exitCode}: see {Path.GetFileName(log)}");
        }
    }

    /// <summary>One process of a bench, its output (both streams) written to <paramref name="log"/> under its command line.</summary>
    internal static async Task<(int ExitCode, TimeSpan Elapsed)> RunChildAsync(string bench, string[] arguments, string? results, string log)
    {
        var start = new ProcessStartInfo(bench, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (results is not null)
        {
            start.Environment[BenchResults.Variable] = results;
        }
        var watch = Stopwatch.StartNew();
        await using var output = new StreamWriter(log, append: false) { AutoFlush = true };
        await output.WriteLineAsync($"$ {Path.GetFileName(bench)} {string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a))}");
        using var process = Process.Start(start)!;
        var lines = new Lock();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (lines)
                {
                    output.WriteLine(line);
                }
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        return (process.ExitCode, watch.Elapsed);
    }

    private static string Render(List<BenchFigure> mine, List<BenchFigure>? theirs, TableOptions options, TableSets sets, TimeSpan elapsed, List<string> failures)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Goals table, {(options.Quick ? "quick mode (small sets, short runs: a smoke test of every row, not the figures)" : "full run")}, " +
            $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {elapsed.TotalMinutes:0.0} min; SQLite set: {sets.Describe}; load after: {Load()}"));
        text.AppendLine();
        text.AppendLine(theirs is null
            ? "| what | goal | at the start | now | | detail |\n|---|---|---|---|---|---|"
            : "| what | goal | at the start | baseline (--against) | now | | detail |\n|---|---|---|---|---|---|---|");
        foreach (var row in GoalRows.All)
        {
            var now = row.Judge(mine);
            var state = now is null ? "not run" : now.Met ? "met" : "**missed**";
            var before = theirs is null ? "" : (row.Judge(theirs)?.Now ?? "not run") + " | ";
            text.AppendLine($"| {row.What} | {row.Goal} | {row.AtStart} | {before}{now?.Now ?? "—"} | {state} | {now?.Detail.Replace("|", "/") ?? ""} |");
        }
        foreach (var failure in failures)
        {
            text.AppendLine();
            text.Append("- step failed: ").AppendLine(failure);
        }
        return text.ToString();
    }

    internal static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
