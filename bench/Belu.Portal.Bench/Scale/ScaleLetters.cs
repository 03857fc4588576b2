using System.Diagnostics;
using Belu.Portal.Bench.Common;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Bench.Scale;

/// <summary>scale letters: server time of the inbox, the filtered lists and full-text search, as the pages call them.</summary>
internal static class ScaleLetters
{
    /// <summary>
    /// <paramref name="bulk"/>: signed in as the head, a kepala bidang and the clerk of the first OPD of <c>scale bulk</c>
    /// instead of the demo's Diskominfo accounts. <paramref name="pg"/>: a PostgreSQL database seeded with <c>scale bulk --pg</c>.
    /// </summary>
    public static async Task<int> RunAsync(string folder, int runs, bool bulk = false, string? pg = null)
    {
        var settings = new Dictionary<string, string?> { ["Demo:Seed"] = "false" };
        if (pg is not null)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Portal"] = pg;
        }
        var provider = pg is null ? "sqlite" : "postgres";
        Task Time(string name, Func<Task<int>> query) => TimeAsync(provider, name, runs, query);
        var (leader, kabid, clerk) = bulk ? ("skala.kadis", "skala.kabid", "skala.agendaris") : ("pimpinan", "kabid.aptika", "agendaris");
        await using var app = await BenchHost.OpenAsync(folder, settings);
        int total;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            total = await db.IncomingLetters.CountAsync();
        }
        Console.WriteLine($"{total} incoming letters; {runs} timed runs of each after 3 warm-up runs; server time = the service call the page makes");
        Console.WriteLine($"{"query",-58} {"rows",8} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");

        await using (var pimpinan = await BenchHost.SignedInScopeAsync(app, leader))
        {
            var letters = pimpinan.ServiceProvider.GetRequiredService<LetterQueries>();
            var today = app.Services.GetRequiredService<OfficeClock>().Today;
            await Time("inbox: all letters, newest first (page 1)", async () => (await letters.SearchAsync(new LetterQuery())).Total);
            await Time("inbox: addressed to me, not yet disposed", async () => (await letters.SearchAsync(new LetterQuery(LetterBox.BelumDisposisi))).Total);
            await Time("inbox: page 200 of all letters", async () => (await letters.SearchAsync(new LetterQuery(Skip: 199 * 25))).Total);
            await Time("filter: overdue (Terlambat)", async () => (await letters.SearchAsync(new LetterQuery(State: LetterState.Terlambat))).Total);
            await Time("filter: last 30 days, Sangat Segera", async () =>
                (await letters.SearchAsync(new LetterQuery(From: today.AddDays(-30), To: today, Urgency: Urgency.SangatSegera))).Total);
            await Time("filter: sender \"Bappeda\", Belum didisposisi", async () =>
                (await letters.SearchAsync(new LetterQuery(Sender: "Bappeda", State: LetterState.BelumDidisposisi))).Total);
            await Time("search: \"rapat koordinasi\"", async () => (await letters.SearchAsync(new LetterQuery(Text: "rapat koordinasi"))).Total);
            await Time("search: \"spbe\" + last 30 days", async () =>
                (await letters.SearchAsync(new LetterQuery(Text: "spbe", From: today.AddDays(-30), To: today))).Total);
            await Time("search: \"fiber\" (rare word)", async () => (await letters.SearchAsync(new LetterQuery(Text: "fiber"))).Total);
            await Time("dashboard counters", async () => (await letters.GetDashboardAsync()).GetHashCode() & 0);
        }
        await using (var kabidScope = await BenchHost.SignedInScopeAsync(app, kabid))
        {
            var dispositions = kabidScope.ServiceProvider.GetRequiredService<DispositionQueries>();
            await Time("Disposisi untuk saya (kabid), overdue first", async () => (await dispositions.SearchMineAsync(new MyDispositionQuery())).Total);
        }
        await using (var agendaris = await BenchHost.SignedInScopeAsync(app, clerk))
        {
            var letters = agendaris.ServiceProvider.GetRequiredService<LetterQueries>();
            await Time("agendaris: all letters of the unit (page 1)", async () => (await letters.SearchAsync(new LetterQuery())).Total);
        }
        return 0;
    }

    /// <param name="provider">The database the figures are for, in the keys left for <c>table</c>: letters.sqlite:&lt;query&gt;.</param>
    private static async Task TimeAsync(string provider, string name, int runs, Func<Task<int>> query)
    {
        var rows = 0;
        for (var i = 0; i < 3; i++)
        {
            rows = await query();
        }
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await query();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"{name,-58} {rows,8} {Percentile(times, 0.50),8:F1} {Percentile(times, 0.95),8:F1} {times[^1],8:F1}");
        BenchResults.Record($"letters.{provider}:{name}", Percentile(times, 0.95), "ms", $"p50 {Percentile(times, 0.50):F1} ms" + (rows > 0 ? $", {rows:N0} rows" : ""));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
