using System.Globalization;
using Belu.Portal.Processes;
using Npgsql;

namespace Belu.Portal.Bench.Common;

/// <summary>
/// restart: the portal process started in Production against a seeded set, timed from the process start to the first
/// healthy /health (migrations checked, workers started, Kestrel listening), beside the same build on an empty
/// database migrated by a first, untimed start. A start whose work grows with the data shows as the gap between them.
/// </summary>
internal static class RestartBench
{
    public const string Usage = "restart <folder> [--pg \"<connection string>\"] [--runs 3]   time to healthy with the full set, beside an empty database";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var folder = Path.GetFullPath(args[0]);
        var pg = Array.IndexOf(args, "--pg") is var p and >= 0 && p + 1 < args.Length ? args[p + 1] : null;
        var runs = Array.IndexOf(args, "--runs") is var r and >= 0 && r + 1 < args.Length ? int.Parse(args[r + 1], CultureInfo.InvariantCulture) : 3;
        var provider = pg is null ? "sqlite" : "postgres";
        var empty = Path.Combine(Path.GetTempPath(), "belu-restart-" + Guid.NewGuid().ToString("N"));
        // The floor the full set is compared with: the same build on an empty database of the same kind (on
        // PostgreSQL a new database in the same cluster, migrated by the untimed first start, dropped afterwards).
        var emptyPg = pg is null ? null : new NpgsqlConnectionStringBuilder(pg) { Database = "belu_restart_" + Guid.NewGuid().ToString("N")[..12] };
        try
        {
            var full = await TimeStartsAsync("full set", Settings(folder, pg), runs);
            var baseline = await TimeStartsAsync("empty database", Settings(empty, emptyPg?.ConnectionString), runs);
            BenchResults.Record($"restart.{provider}:seconds", full, "s", $"median of {runs} starts");
            BenchResults.Record($"restart.{provider}:empty", baseline, "s", $"the same build on an empty {provider} database");
            return 0;
        }
        finally
        {
            if (Directory.Exists(empty))
            {
                Directory.Delete(empty, true);
            }
            if (emptyPg is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg!) { Database = "postgres" }.ConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{emptyPg.Database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static Dictionary<string, string> Settings(string folder, string? pg)
    {
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = pg ?? $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Storage__Root"] = Path.Combine(folder, "storage"),
            ["DataProtection__CertificatePath"] = Path.Combine(folder, "keys", "restart.pfx"),
            ["Demo__Seed"] = "false",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (pg is not null)
        {
            settings["Database__Provider"] = "Postgres";
        }
        return settings;
    }

    /// <summary>One untimed start (a new database migrates, a missing key is made), then the median of the timed ones.</summary>
    private static async Task<double> TimeStartsAsync(string label, Dictionary<string, string> settings, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            await using var portal = new PortalProcess(new Dictionary<string, string>(settings), PortalProcess.PortalDirectory, _ => { });
            var elapsed = (await portal.StartAsync(TimeSpan.FromMinutes(10))).TotalSeconds;
            if (i > 0)
            {
                times.Add(elapsed);
            }
        }
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"restart, {label}: healthy in {string.Join(", ", times.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))} s (median {median:0.00} s)"));
        return median;
    }
}
