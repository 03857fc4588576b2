using System.Diagnostics;
using Belu.Portal.Bench.Common;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// scale close: the real daily close on a seeded set, the last working days before today one at a time. Each day's
/// rows are removed first, so the close classifies every employee's day again as on the night it ran; then the same
/// day is closed a second time, which must write nothing (idempotent).
/// </summary>
internal static class ScaleClose
{
    public const string Usage = "scale close <folder> [--days 3 | --month] [--pg \"<connection string>\"]   the daily close at the set's size, and again;\n"
        + "   --month: every working day of the month the attendance sheet exports, so the sheet is measured on a month closed as in real life";

    public static async Task<int> RunAsync(string folder, int days, string? pg, bool exportMonth = false)
    {
        var settings = new Dictionary<string, string?> { ["Demo:Seed"] = "false" };
        if (pg is not null)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Portal"] = pg;
        }
        var provider = pg is null ? "sqlite" : "postgres";
        await using var app = await BenchHost.OpenAsync(folder, settings);
        var clock = app.Services.GetRequiredService<OfficeClock>();
        var close = app.Services.GetRequiredService<DailyCloseService>();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var worst = 0.0;
        var againRows = 0;
        var staff = 0;
        var workingDays = exportMonth
            ? Enumerable.Range(0, ScaleBench.Month.AddMonths(1).DayNumber - ScaleBench.Month.DayNumber).Select(ScaleBench.Month.AddDays)
            : Enumerable.Range(1, days * 2 + 7).Select(back => clock.Today.AddDays(-back));
        var chosen = workingDays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(exportMonth ? 31 : days).ToList();
        foreach (var day in chosen)
        {
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await db.AttendanceDays.Where(d => d.Date == day).ExecuteDeleteAsync();
                staff = await db.Employees.CountAsync(e => e.IsActive);
            }
            var watch = Stopwatch.StartNew();
            var rows = await close.CloseDayAsync(day);
            var first = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var again = await close.CloseDayAsync(day);
            var second = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"daily close {day:yyyy-MM-dd} ({provider}, {staff:N0} active staff): {rows:N0} day rows in {first:F2} s; again {again:N0} rows in {second:F2} s");
            worst = Math.Max(worst, first);
            againRows += again;
        }
        BenchResults.Record($"close.{provider}:seconds", worst, "s", $"slowest of {chosen.Count} days, {staff:N0} active staff");
        BenchResults.Record($"close.{provider}:again-rows", againRows, "", "rows written by closing the same days again");
        return againRows == 0 ? 0 : 1;
    }
}
