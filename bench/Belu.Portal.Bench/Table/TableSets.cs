using Belu.Portal.Bench.Rush;

namespace Belu.Portal.Bench.Table;

/// <summary>A PostgreSQL set: its database and the folder for its stored files.</summary>
internal sealed record PgSet(string Connection, string Folder);

/// <summary>
/// The data the table measures: in a full run the sets given (seeded by <c>scale bulk</c>, a million letters); in
/// quick mode small sets seeded here by the same bulk seeder, SQLite in the work folder and PostgreSQL in a throwaway
/// cluster, so every row's code path runs, at a size that takes seconds.
/// </summary>
internal sealed record TableSets(string Sqlite, PgSet? Pg, string Describe)
{
    /// <summary>The quick sets' size: every bulk phase, a few seconds each.</summary>
    private static readonly string[] QuickSize =
        ["--letters", "20000", "--employees", "1000", "--opds", "6", "--years", "2", "--punch-months", "3", "--notifications", "2000", "--close-days", "0"];

    public static async Task<TableSets> PrepareAsync(TableOptions o, LocalPostgres? postgres, string logs)
    {
        if (!o.Quick)
        {
            var pg = o.PgConnection is null ? null : new PgSet(o.PgConnection, o.PgSet ?? Path.Combine(o.Work, "pg-storage"));
            return new TableSets(o.Set!, pg, $"{o.Set} ({new FileInfo(Path.Combine(o.Set!, "portal.db")).Length / 1048576:N0} MB)"
                + (pg is null ? "; PostgreSQL rows of the set not run (no --pg)" : "; PostgreSQL set given"));
        }
        var sqlite = o.Set ?? Path.Combine(o.Work, "quick-sqlite");
        var seeds = new List<Task>();
        if (!File.Exists(Path.Combine(sqlite, "portal.db")) && o.Wants("letters", "close", "exports", "restart"))
        {
            seeds.Add(SeedAsync(["scale", "bulk", sqlite, .. QuickSize], Path.Combine(logs, "seed-sqlite.log")));
        }
        PgSet? pgSet = null;
        if (o.PgConnection is { } given)
        {
            pgSet = new PgSet(given, o.PgSet ?? Path.Combine(o.Work, "pg-storage"));
        }
        else if (postgres is not null)
        {
            await postgres.StartAsync();
            pgSet = new PgSet(postgres.ConnectionString("quick"), Path.Combine(o.Work, "quick-pg"));
            seeds.Add(SeedAsync(["scale", "bulk", pgSet.Folder, .. QuickSize, "--pg", pgSet.Connection], Path.Combine(logs, "seed-postgres.log")));
        }
        // The two seeds at once: each is mostly one thread (SQLite's writer, PostgreSQL's COPY on the server).
        await Task.WhenAll(seeds);
        return new TableSets(sqlite, pgSet, "quick sets of 'scale bulk' (20,000 letters, 1,000 staff, 3 months of punches)");
    }

    private static async Task SeedAsync(string[] arguments, string log)
    {
        var (exitCode, elapsed) = await TableBench.RunChildAsync(Environment.ProcessPath!, arguments, null, log);
        Console.WriteLine($"  {"seed " + arguments[2],-29} {elapsed.TotalSeconds,6:0} s  exit {exitCode}  log {log}");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"seeding failed: see {log}");
        }
    }
}
