using System.Diagnostics;
using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Bench.Scale;

/// <summary>scale seed: the demo portal with many letters, then employees with a month of punches, then the month closed.</summary>
internal static class ScaleSeed
{
    public static async Task<int> RunAsync(string folder, int letters, int employees)
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
        var rows = await CloseMonthAsync(app);
        Console.WriteLine($"October closed: {rows} day rows in {watch.Elapsed.TotalSeconds:F0} s");
        await PrintDatabaseAsync(app, folder);
        return 0;
    }

    /// <summary>Closes every day of the month, as the nightly job would have.</summary>
    private static async Task<int> CloseMonthAsync(WebApplication app)
    {
        var close = app.Services.GetRequiredService<DailyCloseService>();
        var rows = 0;
        for (var day = ScaleBench.Month; day < ScaleBench.Month.AddMonths(1); day = day.AddDays(1))
        {
            rows += await close.CloseDayAsync(day);
        }
        return rows;
    }

    private static async Task PrintDatabaseAsync(WebApplication app, string folder)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Console.WriteLine($"database: {await db.IncomingLetters.CountAsync()} incoming letters, {await db.Dispositions.CountAsync()} dispositions, "
            + $"{await db.LetterTrack.CountAsync()} track lines, {await db.Employees.CountAsync(e => e.IsActive)} active employees, "
            + $"{await db.Punches.CountAsync()} punches, {new FileInfo(Path.Combine(folder, "portal.db")).Length / 1024 / 1024} MB");
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

        await AddMonthOfPunchesAsync(db, clock, people);
        return people.Count;
    }

    /// <summary>A month of punches: most on time, some late, some leaving early, a few days missed.</summary>
    private static async Task AddMonthOfPunchesAsync(PortalDbContext db, OfficeClock clock, List<Employee> people)
    {
        var random = new Random(20261029);
        var holidays = await db.Holidays.Select(h => h.Date).ToListAsync();
        var punches = new List<Punch>();
        foreach (var person in people)
        {
            for (var day = ScaleBench.Month; day < ScaleBench.Month.AddMonths(1); day = day.AddDays(1))
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
    }
}
