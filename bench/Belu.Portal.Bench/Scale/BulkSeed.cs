using System.Diagnostics;
using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Bench.Rush;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// scale bulk: the regency ×10 data set, separate from the demo seed and written through bulk paths (prepared inserts
/// on SQLite, binary COPY on PostgreSQL), each phase timed: the demo portal (organisation, accounts), then OPDs and
/// employees, letters with their dispositions, months of punches and notifications, and the last working days closed
/// by the real daily close (its time per day is the "daily close" figure).
/// </summary>
internal static class BulkSeed
{
    public const string Usage = "scale bulk <folder> [--letters 1000000] [--employees 10000] [--opds 60] [--years 10] [--punch-months 24] "
        + "[--notifications 50000] [--close-days 5] [--pg \"<connection string>\"]   the large set, seeded in bulk and timed";

    public static async Task<int> RunAsync(string folder, string[] args)
    {
        var letters = Option(args, "--letters", 1_000_000);
        var employees = Option(args, "--employees", 10_000);
        var opds = Option(args, "--opds", 60);
        var years = Option(args, "--years", 10);
        var punchMonths = Option(args, "--punch-months", 24);
        var notifications = Option(args, "--notifications", 50_000);
        var closeDays = Option(args, "--close-days", 5);
        var pg = Text(args, "--pg");
        if (pg is null && File.Exists(Path.Combine(folder, "portal.db")))
        {
            Console.Error.WriteLine($"{folder} already holds a portal database; seed a new folder.");
            return 1;
        }

        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var settings = new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:SignedLetters"] = "false" };
        if (pg is not null)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Portal"] = pg;
        }
        await using var app = await BenchHost.OpenAsync(folder, settings);
        Phase("demo portal (migrations, organisation, accounts)", watch);

        var clock = app.Services.GetRequiredService<OfficeClock>();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            var regency = await BulkStaff.AddOpdsAsync(db, opds, employees);
            Phase($"{regency.Count} OPDs, {await db.Employees.CountAsync(e => e.IsActive):N0} active employees", watch);

            var written = await BulkLetters.AddAsync(db, regency, letters, years, clock.Today, Console.WriteLine);
            Phase($"{written.Letters:N0} letters, {written.Dispositions:N0} dispositions, {written.Grants:N0} access keys, {written.Tracks:N0} track lines", watch);

            var punches = await BulkStaff.AddPunchesAsync(db, clock, regency, clock.Today, punchMonths);
            Phase($"{punches:N0} punches over {punchMonths} months", watch);

            var sent = await BulkStaff.AddNotificationsAsync(db, clock.UtcNow, notifications);
            Phase($"{sent:N0} notifications", watch);

            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize; ANALYZE;");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE;");
            }
            Phase("statistics (ANALYZE)", watch);
        }

        if (await AddAccountsAsync(app) is { } accounts)
        {
            Console.WriteLine($"accounts of the first bulk OPD (password {RushSeed.Password}): {accounts}");
        }
        await CloseDaysAsync(app, clock, closeDays);
        Console.WriteLine($"seeded in {total.Elapsed.TotalMinutes:F1} min" + (pg is null
            ? $"; {new FileInfo(Path.Combine(folder, "portal.db")).Length / 1024 / 1024:N0} MB"
            : ""));
        return 0;
    }

    /// <summary>The last working days closed by the real daily close, one at a time, each timed: the close at 10,000 staff.</summary>
    private static async Task CloseDaysAsync(WebApplication app, OfficeClock clock, int days)
    {
        var close = app.Services.GetRequiredService<DailyCloseService>();
        var day = clock.Today.AddDays(-days * 2);
        for (var closed = 0; closed < days && day < clock.Today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            var watch = Stopwatch.StartNew();
            var rows = await close.CloseDayAsync(day);
            var first = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var again = await close.CloseDayAsync(day);
            Console.WriteLine($"  daily close {day:yyyy-MM-dd}: {rows:N0} day rows in {first:F2} s; again (idempotent) {again:N0} rows in {watch.Elapsed.TotalSeconds:F2} s");
            closed++;
        }
    }

    /// <summary>Accounts for the head, a kepala bidang and the clerk of the first bulk OPD, as <c>scale letters --bulk</c> signs in.</summary>
    private static async Task<string?> AddAccountsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var opd = await db.Units.AsNoTracking().Where(u => u.Code == "SKALA01").Select(u => (int?)u.Id).FirstOrDefaultAsync();
        if (opd is null)
        {
            return null;
        }
        var head = await db.Employees.AsNoTracking().Where(e => e.UnitId == opd).OrderBy(e => e.Id).FirstAsync();
        var kabid = await db.Employees.AsNoTracking().Where(e => e.SuperiorId == head.Id).OrderBy(e => e.Id).FirstAsync();
        var clerk = await db.Employees.AsNoTracking().Where(e => e.SuperiorId == kabid.Id).OrderBy(e => e.Id).FirstAsync();
        foreach (var (name, employee, role) in BulkAccounts.Zip([head, kabid, clerk], (a, e) => (a.UserName, e, a.Role)))
        {
            var user = new ApplicationUser { UserName = name, EmployeeId = employee.Id, DisplayName = employee.Name, EmailConfirmed = true };
            var created = await users.CreateAsync(user, RushSeed.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRolesAsync(user, role == Roles.Pegawai ? [Roles.Pegawai] : [role, Roles.Pegawai]);
        }
        return string.Join(", ", BulkAccounts.Select(a => a.UserName));
    }

    /// <summary>The accounts <see cref="AddAccountsAsync"/> makes: the head, the first kepala bidang, and the clerk.</summary>
    public static readonly (string UserName, string Role)[] BulkAccounts =
        [("skala.kadis", Roles.Pimpinan), ("skala.kabid", Roles.Pimpinan), ("skala.agendaris", Roles.Agendaris)];

    private static void Phase(string what, Stopwatch watch)
    {
        Console.WriteLine($"{watch.Elapsed.TotalSeconds,8:F1} s  {what}");
        watch.Restart();
    }

    private static int Option(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
