using System.Globalization;

namespace Belu.Portal.Bench.Table;

/// <summary>The command line of <c>table</c>.</summary>
internal sealed record TableOptions(bool Quick, string? Set, string? PgConnection, string? PgSet, string? Against, string[]? Only, string Work, string? Out)
{
    public static TableOptions? Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var quick = args.Contains("--quick");
        var set = Value("--set");
        if (!quick && set is null)
        {
            Console.Error.WriteLine("a full run measures a seeded set: --set <folder of 'scale bulk'> (and --pg/--pg-set for PostgreSQL), or --quick");
            return null;
        }
        var work = Path.GetFullPath(Value("--work") ?? Path.Combine(Path.GetTempPath(), "belu-table-" + TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        return new TableOptions(quick, set is null ? null : Path.GetFullPath(set), Value("--pg"), Value("--pg-set") is { } pgSet ? Path.GetFullPath(pgSet) : null,
            Value("--against") is { } against ? Path.GetFullPath(against) : null,
            Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), work,
            Value("--out") is { } output ? Path.GetFullPath(output) : null);
    }

    public bool Wants(params string[] steps) => Only is null || steps.Any(s => Only.Contains(s, StringComparer.OrdinalIgnoreCase));
}

/// <summary>One scenario run as a child process of the bench.</summary>
internal sealed record TableStep(string Name, string[] Arguments);

/// <summary>The steps of the table, full or quick: which scenario, with which arguments, on which set.</summary>
internal static class TableSteps
{
    public static List<TableStep> For(TableOptions o, TableSets sets)
    {
        var q = o.Quick;
        var steps = new List<TableStep>();
        void Add(string group, string name, params string[] arguments)
        {
            if (o.Wants(group))
            {
                steps.Add(new TableStep(name, arguments));
            }
        }
        var runs = q ? "10" : "50";
        Add("letters", "letters-sqlite", "scale", "letters", sets.Sqlite, runs, "--bulk");
        if (sets.Pg is { } pg)
        {
            Add("letters", "letters-postgres", "scale", "letters", pg.Folder, runs, "--bulk", "--pg", pg.Connection);
        }
        var days = q ? "1" : "3";
        Add("close", "close-sqlite", "scale", "close", sets.Sqlite, "--days", days);
        if (sets.Pg is { } pgClose)
        {
            Add("close", "close-postgres", "scale", "close", pgClose.Folder, "--days", days, "--pg", pgClose.Connection);
        }
        string[] rush = q
            ? ["--seconds", "4", "--employees", "1000", "--web-users", "100", "--warmup-seconds", "4"]
            : ["--seconds", "15", "--employees", "5000", "--web-users", "1000", "--warmup-seconds", "30"];
        Add("rush", "rush-sqlite", ["rush", "--rates", "2000", "--providers", "sqlite", "--paths", "baseline,device,web", .. rush]);
        Add("rush", "rush-postgres", ["rush", "--rates", "500", "--providers", "postgres", "--paths", "device,web", .. rush]);
        Add("push", "push", q
            ? ["push", "--clients", "100", "--boards", "2", "--board-circuits", "20", "--events", "30", "--rate", "10"]
            // Two hundred boards as protocol-level circuits (the portal's side of a board), five in Chromium for the
            // browser's share: two hundred Chromium pages on the same two cores measure Chromium, not the portal.
            : ["push", "--clients", "1000", "--boards", "5", "--board-circuits", "200", "--events", "250", "--rate", "5"]);
        Add("circuits", "circuits", q
            ? ["circuits", "--protocol", "--boards", "50", "--inbox", "50"]
            : ["circuits", "--protocol", "--boards", "500", "--inbox", "500"]);
        Add("users", "users", q ? ["users", "--users", "100", "--seconds", "10", "--ramp", "25"] : ["users"]);
        // The sheet's month closed day by day first, as the nightly close leaves a real month: a sheet of unclosed days
        // has no codes to write and would flatter the figure.
        Add("exports", "close-export-month", "scale", "close", sets.Sqlite, "--month");
        Add("exports", "export-attendance", "scale", "export", "attendance", sets.Sqlite, "--bulk");
        Add("exports", "export-register", "scale", "export", "register", sets.Sqlite, "--bulk", "--archive");
        var starts = q ? "1" : "3";
        Add("restart", "restart-sqlite", "restart", sets.Sqlite, "--runs", starts);
        if (sets.Pg is { } pgRestart)
        {
            Add("restart", "restart-postgres", "restart", pgRestart.Folder, "--pg", pgRestart.Connection, "--runs", starts);
        }
        return steps;
    }
}
