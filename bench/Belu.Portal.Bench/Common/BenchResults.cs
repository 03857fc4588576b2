using System.Globalization;
using System.Text.Json;

namespace Belu.Portal.Bench.Common;

/// <summary>One figure a scenario measured: a key the goals table knows, the value and its unit.</summary>
internal sealed record BenchFigure(string Key, double Value, string Unit, string? Detail = null);

/// <summary>
/// Where a scenario leaves its figures for <c>table</c>: when BENCH_RESULTS names a file, each figure is appended to it
/// as one JSON line, so the table reads what each child process measured without parsing its printed tables.
/// Run by hand, a scenario prints as before and this does nothing.
/// </summary>
internal static class BenchResults
{
    public const string Variable = "BENCH_RESULTS";
    private static readonly Lock Gate = new();

    public static void Record(string key, double value, string unit, string? detail = null)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } file || double.IsNaN(value))
        {
            return;
        }
        var line = JsonSerializer.Serialize(new BenchFigure(key, Math.Round(value, 3), unit, detail));
        lock (Gate)
        {
            File.AppendAllText(file, line + "\n");
        }
    }

    public static List<BenchFigure> Read(string file) =>
        !File.Exists(file) ? [] : File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<BenchFigure>(l)!).ToList();

    public static string Format(double value, string unit) => unit switch
    {
        "ms" => value >= 1000 ? (value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms",
        "s" => value.ToString("0.00", CultureInfo.InvariantCulture) + " s",
        "%" => value.ToString("0", CultureInfo.InvariantCulture) + " %",
        "KiB" => value.ToString("N0", CultureInfo.InvariantCulture) + " KiB",
        "MB" => value.ToString("N0", CultureInfo.InvariantCulture) + " MB",
        "/s" => value.ToString("N0", CultureInfo.InvariantCulture) + "/s",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : ""),
    };
}
