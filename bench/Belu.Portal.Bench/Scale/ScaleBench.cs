using System.Diagnostics;
using System.Globalization;
using Belu.Portal.Bench.Excel;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports.Attendance;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Features.Reports.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// Letters and exports at the size of a whole regency, on the embedded SQLite database:
///   scale seed &lt;folder&gt; [letters] [employees]   the demo portal with that many incoming letters (with their
///                                                dispositions, reports and tracks) and that many employees, each
///                                                with a month of punches (October 2026), closed day by day
///   scale letters &lt;folder&gt; [runs]               server time of the inbox, the filtered lists, full-text search
///   scale export register|attendance &lt;folder&gt;  one export through the report pipeline: time and peak memory
/// Each step runs in its own process, so the memory of an export is not mixed with the seeding's.
/// </summary>
internal static class ScaleBench
{
    private static readonly DateOnly Month = new(2026, 10, 1);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("scale seed <folder> [letters] [employees] | scale letters <folder> [runs] | scale export register|attendance <folder>");
            return 2;
        }
        return args[0] switch
        {
            "seed" => await SeedAsync(args[1], Arg(args, 2, 100_000), Arg(args, 3, 5_000)),
            "letters" => await LettersAsync(args[1], Arg(args, 2, 50)),
            "export" when args.Length >= 3 => await ExportAsync(args[1], args[2]),
            _ => 2,
        };
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static async Task<int> SeedAsync(string folder, int letters, int employees)
    {
        if (File.Exists(Path.Combine(folder, "portal.db")))
        {
            Console.Error.WriteLine($"{folder} already holds a portal database; seed a new folder.");
            return 1;
        }
        var watch = Stopwatch.StartNew();
        await using var app = await BenchHost.OpenAsync(folder, new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "true",
            ["Demo:IncomingLetters"] = letters.ToString(CultureInfo.InvariantCulture),
            ["Demo:OutgoingLetters"] = (letters / 5).ToString(CultureInfo.InvariantCulture),
        });
        Console.WriteLine($"demo portal with {letters} letters seeded in {watch.Elapsed.TotalSeconds:F0} s");

        watch.Restart();
        var added = await AddEmployeesAsync(app, employees);
        Console.WriteLine($"{added} employees added with a month of punches in {watch.Elapsed.TotalSeconds:F0} s");

        watch.Restart();
        var close = app.Services.GetRequiredService<DailyCloseService>();
        var rows = 0;
        for (var day = Month; day < Month.AddMonths(1); day = day.AddDays(1))
        {
            rows += await close.CloseDayAsync(day);
        }
        Console.WriteLine($"October closed: {rows} day rows in {watch.Elapsed.TotalSeconds:F0} s");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Console.WriteLine($"database: {await db.IncomingLetters.CountAsync()} incoming letters, {await db.Dispositions.CountAsync()} dispositions, "
            + $"{await db.LetterTrack.CountAsync()} track lines, {await db.Employees.CountAsync(e => e.IsActive)} active employees, "
            + $"{await db.Punches.CountAsync()} punches, {new FileInfo(Path.Combine(folder, "portal.db")).Length / 1024 / 1024} MB");
        return 0;
    }

    /// <summary>Adds employees to the bidang of every OPD until there are <paramref name="target"/> active ones.</summary>
    private static async Task<int> AddEmployeesAsync(WebApplication app, int target)
    {
        var clock = app.Services.GetRequiredService<OfficeClock>();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var existing = await db.Employees.CountAsync(e => e.IsActive);
        var missing = target - existing;
        if (missing <= 0)
        {
            return 0;
        }
        var units = await db.Units.AsNoTracking().Where(u => u.ParentId != null && db.Units.Any(p => p.Id == u.ParentId && p.ParentId != null))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        var heads = await db.Employees.AsNoTracking().Where(e => units.Contains(e.UnitId)).GroupBy(e => e.UnitId)
            .Select(g => new { Unit = g.Key, Head = g.Min(e => e.Id) }).ToDictionaryAsync(x => x.Unit, x => x.Head);
        var random = new Random(20261029);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var people = new List<Employee>();
        for (var i = 0; i < missing; i++)
        {
            var unit = units[i % units.Count];
            people.Add(new Employee
            {
                Nip = $"1990{i / 10000 % 100:00}{i / 100 % 100:00}2020{1 + i % 12:00}1{i % 1000:000}",
                Name = $"Pegawai Uji {i + 1:00000}",
                Position = "Pelaksana",
                UnitId = unit,
                SuperiorId = heads.TryGetValue(unit, out var head) ? head : null,
            });
        }
        db.Employees.AddRange(people);
        await db.SaveChangesAsync();

        // A month of punches: most on time, some late, some leaving early, a few days missed.
        var holidays = await db.Holidays.Select(h => h.Date).ToListAsync();
        var punches = new List<Punch>();
        foreach (var person in people)
        {
            for (var day = Month; day < Month.AddMonths(1); day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(day) || random.Next(100) < 4)
                {
                    continue;
                }
                var arrive = day.ToDateTime(new TimeOnly(7, 0)).AddMinutes(random.Next(100) < 85 ? random.Next(0, 30) : random.Next(31, 150));
                var leave = day.ToDateTime(new TimeOnly(16, 0)).AddMinutes(random.Next(100) < 90 ? random.Next(0, 60) : -random.Next(10, 120));
                foreach (var local in new[] { arrive, leave })
                {
                    var at = clock.ToUtc(local);
                    punches.Add(new Punch { EmployeeId = person.Id, AtUtc = at, Source = PunchSource.Adms, RecordedUtc = at });
                }
            }
        }
        foreach (var chunk in punches.Chunk(20_000))
        {
            db.Punches.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return people.Count;
    }

    private static async Task<int> LettersAsync(string folder, int runs)
    {
        await using var app = await BenchHost.OpenAsync(folder, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        int total;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            total = await db.IncomingLetters.CountAsync();
        }
        Console.WriteLine($"{total} incoming letters; {runs} timed runs of each after 3 warm-up runs; server time = the service call the page makes");
        Console.WriteLine($"{"query",-58} {"rows",8} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");

        await using (var pimpinan = await BenchHost.SignedInScopeAsync(app, "pimpinan"))
        {
            var letters = pimpinan.ServiceProvider.GetRequiredService<LetterQueries>();
            var today = app.Services.GetRequiredService<OfficeClock>().Today;
            await TimeAsync("inbox: all letters, newest first (page 1)", runs, async () => (await letters.SearchAsync(new LetterQuery())).Total);
            await TimeAsync("inbox: addressed to me, not yet disposed", runs, async () => (await letters.SearchAsync(new LetterQuery(LetterBox.BelumDisposisi))).Total);
            await TimeAsync("inbox: page 200 of all letters", runs, async () => (await letters.SearchAsync(new LetterQuery(Skip: 199 * 25))).Total);
            await TimeAsync("filter: overdue (Terlambat)", runs, async () => (await letters.SearchAsync(new LetterQuery(State: LetterState.Terlambat))).Total);
            await TimeAsync("filter: last 30 days, Sangat Segera", runs, async () =>
                (await letters.SearchAsync(new LetterQuery(From: today.AddDays(-30), To: today, Urgency: Urgency.SangatSegera))).Total);
            await TimeAsync("filter: sender \"Bappeda\", Belum didisposisi", runs, async () =>
                (await letters.SearchAsync(new LetterQuery(Sender: "Bappeda", State: LetterState.BelumDidisposisi))).Total);
            await TimeAsync("search: \"rapat koordinasi\"", runs, async () => (await letters.SearchAsync(new LetterQuery(Text: "rapat koordinasi"))).Total);
            await TimeAsync("search: \"spbe\" + last 30 days", runs, async () =>
                (await letters.SearchAsync(new LetterQuery(Text: "spbe", From: today.AddDays(-30), To: today))).Total);
            await TimeAsync("search: \"fiber\" (rare word)", runs, async () => (await letters.SearchAsync(new LetterQuery(Text: "fiber"))).Total);
            await TimeAsync("dashboard counters", runs, async () => (await letters.GetDashboardAsync()).GetHashCode() & 0);
        }
        await using (var kabid = await BenchHost.SignedInScopeAsync(app, "kabid.aptika"))
        {
            var dispositions = kabid.ServiceProvider.GetRequiredService<DispositionQueries>();
            await TimeAsync("Disposisi untuk saya (kabid), overdue first", runs, async () => (await dispositions.SearchMineAsync(new MyDispositionQuery())).Total);
        }
        await using (var agendaris = await BenchHost.SignedInScopeAsync(app, "agendaris"))
        {
            var letters = agendaris.ServiceProvider.GetRequiredService<LetterQueries>();
            await TimeAsync("agendaris: all letters of the unit (page 1)", runs, async () => (await letters.SearchAsync(new LetterQuery())).Total);
        }
        return 0;
    }

    private static async Task TimeAsync(string name, int runs, Func<Task<int>> query)
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
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<int> ExportAsync(string kind, string folder)
    {
        await using var app = await BenchHost.OpenAsync(folder, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        await using var scope = await BenchHost.SignedInScopeAsync(app, kind == "register" ? "agendaris" : "admin");
        var exporter = scope.ServiceProvider.GetRequiredService<ReportExporter>();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var body = new CountingStream();
        context.Response.Body = body;

        // Measure the export alone: the peak resident set is reset once the host is up (Linux: clear_refs 5).
        GC.Collect();
        ResetPeak();
        var baseline = Resident();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        IResult result;
        string what;
        if (kind == "register")
        {
            var report = scope.ServiceProvider.GetRequiredService<IncomingRegisterReport>();
            // The longest period the register allows (a year) covers every seeded letter (the last 150 days).
            var today = app.Services.GetRequiredService<OfficeClock>().Today;
            result = await exporter.ExportAsync(report, new IncomingRegisterRequest(null, null, null, null, null, today.AddDays(-365), today, null, null, null), default);
            what = "Agenda surat masuk, every letter of the unit for a year";
        }
        else if (kind == "attendance")
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var root = await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            var report = scope.ServiceProvider.GetRequiredService<AttendanceRecapReport>();
            result = await exporter.ExportAsync(report, new AttendanceRecapRequest([root], Month, Month.AddMonths(1).AddDays(-1)), default);
            what = "Rekap absensi bulanan Oktober 2026, the whole regency on one sheet";
        }
        else
        {
            Console.Error.WriteLine("export register|attendance <folder>");
            return 2;
        }
        await result.ExecuteAsync(context);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (context.Response.StatusCode != StatusCodes.Status200OK || body.Length == 0)
        {
            Console.Error.WriteLine($"export refused: {context.Response.StatusCode}");
            return 1;
        }
        var (peak, current) = PeakAndResident();
        Console.WriteLine($"{what}: {seconds:F2} s, {body.Length / 1024} KB written; resident before {baseline / 1024} MB, "
            + $"peak during the export {peak / 1024} MB (+{(peak - baseline) / 1024} MB), allocated {allocated / 1024 / 1024} MB");
        return 0;
    }

    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Environment.ProcessId}/clear_refs", "5");
        }
        catch (IOException)
        {
            Console.Error.WriteLine("(the peak resident set could not be reset: the peak includes start-up)");
        }
        catch (UnauthorizedAccessException)
        {
            Console.Error.WriteLine("(the peak resident set could not be reset: the peak includes start-up)");
        }
    }

    private static long Resident() => PeakAndResident().Current;

    /// <summary>VmHWM and VmRSS of this process, in KB.</summary>
    private static (long Peak, long Current) PeakAndResident()
    {
        long peak = 0, current = 0;
        foreach (var line in File.ReadLines($"/proc/{Environment.ProcessId}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        return (peak, current);
    }
}
