using Belu.Portal.Bench.Common;

namespace Belu.Portal.Bench.Table;

/// <summary>What a row of the goals table reads from the figures: the value shown, the detail beside it, and whether the goal holds.</summary>
internal sealed record Verdict(string Now, string Detail, bool Met);

/// <summary>One row of issue 22's goals table: what is measured, the goal, the figure the issue started from, and how to judge it.</summary>
internal sealed record GoalRow(string What, string Goal, string AtStart, Func<IReadOnlyList<BenchFigure>, Verdict?> Judge);

/// <summary>
/// The goals table of the regency ×10 issue (docs/PERFORMANCE.md), each row judged from the figures the scenarios
/// recorded (<see cref="BenchResults"/>). A row whose scenario did not run, or recorded nothing, shows "not run".
/// </summary>
internal static class GoalRows
{
    private static readonly string[] NotListQueries = ["dashboard counters", "Disposisi untuk saya"];

    public static readonly GoalRow[] All =
    [
        new("letter list, filters, full-text search, p95 server time, SQLite", "< 50 ms at 1M", "< 50 ms at 100k", f => Letters(f, "sqlite")),
        new("letter list, filters, full-text search, p95 server time, PostgreSQL", "< 50 ms at 1M", "< 50 ms at 100k", f => Letters(f, "postgres")),
        new("leader's dashboard counters, SQLite", "< 50 ms at 1M, exact", "280 ms at 100k", f => Query(f, "sqlite", "dashboard counters", 50)),
        new("leader's dashboard counters, PostgreSQL", "< 50 ms at 1M, exact", "280 ms at 100k", f => Query(f, "postgres", "dashboard counters", 50)),
        new("\"Disposisi untuk saya\", SQLite", "< 20 ms at 1M", "13–21 ms", f => Query(f, "sqlite", "Disposisi untuk saya", 20)),
        new("\"Disposisi untuk saya\", PostgreSQL", "< 20 ms at 1M", "13–21 ms", f => Query(f, "postgres", "Disposisi untuk saya", 20)),
        new("check-in, SQLite, 2,000/s", "≥ 95 % of bare insert, p99 < 50 ms", "77–96 % of the bare-insert baseline", CheckInSqlite),
        new("check-in, PostgreSQL, 500/s", "p99 < 50 ms, nothing lost", "p99 0.2–0.7 s", CheckInPostgres),
        new("live push, commit → 1,000 hub clients + 200 boards", "p95 < 50 ms", "boards p95 98 ms, hub 49–123 ms", Push),
        new("Blazor circuit memory (inbox heap, board RSS share)", "inbox ≤ 500 KB, board ≤ 300 KB", "inbox ~3 MiB heap, board ~0.9 MiB RSS", Circuits),
        new("concurrent interactive users, UI round-trip p95", "< 250 ms, nothing missed", "not measured", Users),
        new("monthly attendance sheet", "< 3 s, < 500 MB", "5,000 staff 1.9–2.0 s", f => Export(f, "attendance", "seconds", 3, 500)),
        new("daily close, SQLite", "< 5 s, idempotent", "not measured", f => Close(f, "sqlite")),
        new("daily close, PostgreSQL", "< 5 s, idempotent", "not measured", f => Close(f, "postgres")),
        new("letter register export (every letter)", "first byte < 1 s, memory < 300 MB", "100k rows 3.6–3.9 s / 171 MB", f => Export(f, "archive", "first-byte", 1, 300)),
        new("restart with a full database, SQLite", "healthy in < 3 s", "not measured", f => Restart(f, "sqlite")),
        new("restart with a full database, PostgreSQL", "healthy in < 3 s", "not measured", f => Restart(f, "postgres")),
    ];

    private static BenchFigure? Find(IReadOnlyList<BenchFigure> figures, string key) => figures.LastOrDefault(f => f.Key == key);

    private static string Show(BenchFigure figure) => BenchResults.Format(figure.Value, figure.Unit);

    private static Verdict? Letters(IReadOnlyList<BenchFigure> figures, string provider)
    {
        var prefix = $"letters.{provider}:";
        var list = figures.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)
            && !NotListQueries.Any(q => f.Key[prefix.Length..].StartsWith(q, StringComparison.Ordinal))).ToList();
        if (list.Count == 0)
        {
            return null;
        }
        var missed = list.Where(f => f.Value >= 50).OrderByDescending(f => f.Value).ToList();
        var worst = list.MaxBy(f => f.Value)!;
        var detail = missed.Count == 0
            ? $"all {list.Count} queries; slowest {worst.Key[prefix.Length..]} ({worst.Detail})"
            : $"{list.Count - missed.Count} of {list.Count} queries under 50 ms; over: " + string.Join("; ", missed.Select(m => $"{m.Key[prefix.Length..]} {Show(m)}"));
        return new Verdict(Show(worst), detail, missed.Count == 0);
    }

    private static Verdict? Query(IReadOnlyList<BenchFigure> figures, string provider, string query, double goalMs)
    {
        var figure = figures.LastOrDefault(f => f.Key.StartsWith($"letters.{provider}:{query}", StringComparison.Ordinal));
        return figure is null ? null : new Verdict(Show(figure), "p95; " + figure.Detail, figure.Value < goalMs);
    }

    private static Verdict? CheckInSqlite(IReadOnlyList<BenchFigure> figures)
    {
        var ratios = figures.Where(f => f.Key.StartsWith("rush.sqlite.", StringComparison.Ordinal) && f.Key.EndsWith(".2000:ratio", StringComparison.Ordinal)).ToList();
        var p99 = figures.Where(f => f.Key.StartsWith("rush.sqlite.", StringComparison.Ordinal) && !f.Key.Contains(".baseline.", StringComparison.Ordinal)
            && f.Key.EndsWith(".2000:p99", StringComparison.Ordinal)).ToList();
        var lost = figures.Where(f => f.Key.StartsWith("rush.sqlite.", StringComparison.Ordinal) && f.Key.EndsWith(".2000:lost", StringComparison.Ordinal)).Sum(f => f.Value);
        if (ratios.Count == 0 || p99.Count == 0)
        {
            return null;
        }
        var worstRatio = ratios.MinBy(f => f.Value)!;
        var worstP99 = p99.MaxBy(f => f.Value)!;
        var baseline = Find(figures, "rush.sqlite.baseline.2000:achieved");
        return new Verdict($"{Show(worstRatio)}, p99 {Show(worstP99)}",
            string.Join("; ", ratios.Select(r => $"{Path(r.Key)} {Show(r)}").Concat(p99.Select(p => $"{Path(p.Key)} p99 {Show(p)}")))
                + (baseline is null ? "" : $"; bare insert {Show(baseline)}") + $"; {lost} errors or lost",
            worstRatio.Value >= 95 && worstP99.Value < 50 && lost == 0);
    }

    private static Verdict? CheckInPostgres(IReadOnlyList<BenchFigure> figures)
    {
        var p99 = figures.Where(f => f.Key.StartsWith("rush.postgres.", StringComparison.Ordinal) && f.Key.EndsWith(".500:p99", StringComparison.Ordinal)).ToList();
        if (p99.Count == 0)
        {
            return null;
        }
        var lost = figures.Where(f => f.Key.StartsWith("rush.postgres.", StringComparison.Ordinal) && f.Key.EndsWith(".500:lost", StringComparison.Ordinal)).Sum(f => f.Value);
        var achieved = figures.Where(f => f.Key.StartsWith("rush.postgres.", StringComparison.Ordinal) && f.Key.EndsWith(".500:achieved", StringComparison.Ordinal));
        var worst = p99.MaxBy(f => f.Value)!;
        return new Verdict($"p99 {Show(worst)}",
            string.Join("; ", p99.Select(p => $"{Path(p.Key)} p99 {Show(p)} ({p.Detail})").Concat(achieved.Select(a => $"{Path(a.Key)} {Show(a)}"))) + $"; {lost} errors or lost",
            worst.Value < 50 && lost == 0);
    }

    private static Verdict? Push(IReadOnlyList<BenchFigure> figures)
    {
        var parts = new[] { ("hub", "push.hub"), ("board circuits", "push.board-circuits"), ("boards in Chromium", "push.boards") }
            .Select(p => (Label: p.Item1, P95: Find(figures, p.Item2 + ":p95"), Missed: Find(figures, p.Item2 + ":missed")?.Value ?? 0))
            .Where(p => p.P95 is not null).ToList();
        if (parts.Count == 0)
        {
            return null;
        }
        var missed = parts.Sum(p => p.Missed);
        return new Verdict(string.Join(", ", parts.Select(p => $"{p.Label} {Show(p.P95!)}")),
            string.Join("; ", parts.Select(p => p.P95!.Detail)) + $"; {missed} missed",
            parts.Count == 3 && parts.All(p => p.P95!.Value < 50) && missed == 0);
    }

    private static Verdict? Circuits(IReadOnlyList<BenchFigure> figures)
    {
        var inbox = Find(figures, "circuits.inbox:heap");
        var board = Find(figures, "circuits.board:rss");
        if (inbox is null || board is null)
        {
            return null;
        }
        var inboxRss = Find(figures, "circuits.inbox:rss");
        var boardHeap = Find(figures, "circuits.board:heap");
        return new Verdict($"inbox {Show(inbox)} heap, board {Show(board)} RSS",
            $"inbox RSS {(inboxRss is null ? "—" : Show(inboxRss))}, board heap {(boardHeap is null ? "—" : Show(boardHeap))}; {board.Detail}",
            inbox.Value <= 500 && board.Value <= 300);
    }

    private static Verdict? Users(IReadOnlyList<BenchFigure> figures)
    {
        var p95 = Find(figures, "users:p95");
        var missed = Find(figures, "users:missed");
        return p95 is null ? null : new Verdict(Show(p95), $"{p95.Detail}; {missed?.Detail}", p95.Value < 250 && missed?.Value == 0);
    }

    private static Verdict? Export(IReadOnlyList<BenchFigure> figures, string kind, string timeKey, double goalSeconds, double goalMb)
    {
        var time = Find(figures, $"export.{kind}:{timeKey}");
        var peak = Find(figures, $"export.{kind}:peak");
        var total = Find(figures, $"export.{kind}:seconds");
        if (time is null || peak is null || total is null)
        {
            return null;
        }
        var shown = timeKey == "seconds" ? Show(time) : $"first byte {Show(time)}";
        return new Verdict($"{shown}, peak {Show(peak)}", $"total {Show(total)}; {total.Detail}; {peak.Detail}", time.Value < goalSeconds && peak.Value < goalMb);
    }

    private static Verdict? Close(IReadOnlyList<BenchFigure> figures, string provider)
    {
        var seconds = Find(figures, $"close.{provider}:seconds");
        var again = Find(figures, $"close.{provider}:again-rows");
        return seconds is null ? null : new Verdict(Show(seconds), $"{seconds.Detail}; again: {again?.Value} rows", seconds.Value < 5 && again?.Value == 0);
    }

    private static Verdict? Restart(IReadOnlyList<BenchFigure> figures, string provider)
    {
        var full = Find(figures, $"restart.{provider}:seconds");
        var empty = Find(figures, $"restart.{provider}:empty");
        return full is null ? null : new Verdict(Show(full), $"{full.Detail}; empty database {(empty is null ? "—" : Show(empty))}", full.Value < 3);
    }

    /// <summary>rush.sqlite.device.2000:ratio → device.</summary>
    private static string Path(string key) => key.Split('.')[2];
}
