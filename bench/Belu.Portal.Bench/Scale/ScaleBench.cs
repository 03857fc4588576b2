using System.Globalization;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// Letters and exports at the size of a whole regency, on the embedded SQLite database:
///   scale seed &lt;folder&gt; [letters] [employees]   the demo portal with that many incoming letters (with their
///                                                dispositions, reports and tracks) and that many employees, each
///                                                with a month of punches (October 2026), closed day by day
///   scale letters &lt;folder&gt; [runs] [--bulk] [--pg "&lt;connection string&gt;"]   server time of the inbox, the filtered lists, full-text search
///   scale export register|attendance &lt;folder&gt; [options]  one export through the report pipeline: first byte, time, peak memory (<see cref="ScaleExport.Usage"/>)
///   scale close &lt;folder&gt; [--days 3] [--pg ...]  the real daily close on the set (<see cref="ScaleClose"/>)
///   scale bulk &lt;folder&gt; [options]               the regency ×10 set in bulk (<see cref="BulkSeed"/>)
/// Each step runs in its own process, so the memory of an export is not mixed with the seeding's.
/// </summary>
internal static class ScaleBench
{
    /// <summary>The month the seeded punches fall in, closed day by day and exported.</summary>
    public static readonly DateOnly Month = new(2026, 10, 1);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("scale seed <folder> [letters] [employees] | scale letters <folder> [runs] | scale export register|attendance <folder>");
            Console.Error.WriteLine(BulkSeed.Usage);
            Console.Error.WriteLine(ScaleExport.Usage);
            Console.Error.WriteLine(ScaleClose.Usage);
            return 2;
        }
        return args[0] switch
        {
            "seed" => await ScaleSeed.RunAsync(args[1], Arg(args, 2, 100_000), Arg(args, 3, 5_000)),
            "bulk" => await BulkSeed.RunAsync(args[1], args[2..]),
            "letters" => await ScaleLetters.RunAsync(args[1], args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? Arg(args, 2, 50) : 50,
                args.Contains("--bulk"), Array.IndexOf(args, "--pg") is var pg and >= 0 && pg + 1 < args.Length ? args[pg + 1] : null),
            "close" => await ScaleClose.RunAsync(args[1], Array.IndexOf(args, "--days") is var d and >= 0 && d + 1 < args.Length ? int.Parse(args[d + 1], CultureInfo.InvariantCulture) : 3,
                Array.IndexOf(args, "--pg") is var cp and >= 0 && cp + 1 < args.Length ? args[cp + 1] : null, args.Contains("--month")),
            "export" when args.Length >= 3 => await ScaleExport.RunAsync(args[1], args[2], args[3..]),
            _ => 2,
        };
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
