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
    public const string Usage = "scale close <folder> [--days 3] [--pg \"<connection string>\"]   the daily close at the set's size, and again";

    public static async Task<int> RunAsync(string folder, int days, string? pg)
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
        var day = clock.Today.AddDays(-1);
        for (var closed = 0; closed < days; day = day.AddDays(-1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
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
            closed++;
        }
        BenchResults.Record($"close.{provider}:seconds", worst, "s", $"slowest of {days} days, {staff:N0} active staff");
        BenchResults.Record($"close.{provider}:again-rows", againRows, "", "rows written by closing the same days again");
        return againRows == 0 ? 0 : 1;
    }
}
