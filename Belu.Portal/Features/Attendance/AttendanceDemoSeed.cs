using System.Data.Common;
using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Demo attendance: the 2026 holiday calendar (SKB 3 Menteri), a Ramadan schedule, the penalty table and one
/// fingerprint machine here; three months of punches, requests and closed days for every unit in <see cref="DemoAttendanceHistory"/>.
/// Deterministic and idempotent; all of it goes in within one transaction.
/// </summary>
public sealed class AttendanceDemoSeed(IDbContextFactory<PortalDbContext> dbFactory, AttendanceEngine engine, OfficeClock clock, ILogger<AttendanceDemoSeed> logger) : IDemoSeedStep
{
    private const string Marker = "demo.seeded";

    public const string DemoMachineSerial = "BELU0001DSK";

    /// <summary>The demo machine may send from this computer (IPv4 and IPv6 loopback) only.</summary>
    public const string DemoMachineNetwork = "127.0.0.1/32, ::1/128";

    public int Order => 20;

    public static readonly IReadOnlyList<(DateOnly Date, string Name, HolidayKind Kind)> Holidays2026 =
    [
        (new(2026, 1, 1), "Tahun Baru 2026 Masehi", HolidayKind.LiburNasional),
        (new(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW", HolidayKind.LiburNasional),
        (new(2026, 2, 16), "Cuti bersama Tahun Baru Imlek", HolidayKind.CutiBersama),
        (new(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili", HolidayKind.LiburNasional),
        (new(2026, 3, 18), "Cuti bersama Hari Suci Nyepi", HolidayKind.CutiBersama),
        (new(2026, 3, 19), "Hari Suci Nyepi Tahun Baru Saka 1948", HolidayKind.LiburNasional),
        (new(2026, 3, 20), "Cuti bersama Idul Fitri 1447 H", HolidayKind.CutiBersama),
        (new(2026, 3, 21), "Idul Fitri 1447 H", HolidayKind.LiburNasional),
        (new(2026, 3, 22), "Idul Fitri 1447 H", HolidayKind.LiburNasional),
        (new(2026, 3, 23), "Cuti bersama Idul Fitri 1447 H", HolidayKind.CutiBersama),
        (new(2026, 3, 24), "Cuti bersama Idul Fitri 1447 H", HolidayKind.CutiBersama),
        (new(2026, 4, 3), "Wafat Yesus Kristus", HolidayKind.LiburNasional),
        (new(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)", HolidayKind.LiburNasional),
        (new(2026, 5, 1), "Hari Buruh Internasional", HolidayKind.LiburNasional),
        (new(2026, 5, 14), "Kenaikan Yesus Kristus", HolidayKind.LiburNasional),
        (new(2026, 5, 15), "Cuti bersama Kenaikan Yesus Kristus", HolidayKind.CutiBersama),
        (new(2026, 5, 27), "Idul Adha 1447 H", HolidayKind.LiburNasional),
        (new(2026, 5, 28), "Cuti bersama Idul Adha 1447 H", HolidayKind.CutiBersama),
        (new(2026, 5, 31), "Hari Raya Waisak 2570 BE", HolidayKind.LiburNasional),
        (new(2026, 6, 1), "Hari Lahir Pancasila", HolidayKind.LiburNasional),
        (new(2026, 6, 16), "Tahun Baru Islam 1448 H", HolidayKind.LiburNasional),
        (new(2026, 8, 17), "Hari Proklamasi Kemerdekaan RI", HolidayKind.LiburNasional),
        (new(2026, 8, 25), "Maulid Nabi Muhammad SAW", HolidayKind.LiburNasional),
        (new(2026, 12, 24), "Cuti bersama Kelahiran Yesus Kristus", HolidayKind.CutiBersama),
        (new(2026, 12, 25), "Kelahiran Yesus Kristus (Natal)", HolidayKind.LiburNasional),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.AttendanceStates.AnyAsync(s => s.Key == Marker, cancellationToken))
        {
            return;
        }
        var tree = await Organization.OrganizationTreeCache.ReadAsync(db, cancellationToken);
        var diskominfo = tree.All.FirstOrDefault(u => u.Code == "DISKOMINFO");
        if (diskominfo is null)
        {
            // Not the demo organisation: leave attendance empty.
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var knownDates = await db.Holidays.Select(h => h.Date).ToListAsync(cancellationToken);
        db.Holidays.AddRange(Holidays2026.Where(h => !knownDates.Contains(h.Date)).Select(h => new Holiday { Date = h.Date, Name = h.Name, Kind = h.Kind }));
        if (!await db.WorkSchedules.AnyAsync(cancellationToken))
        {
            var ramadan = engine.Options.RamadanWeek();
            db.WorkSchedules.Add(Schedule("Ramadan 1447 H", new(2026, 2, 19), new(2026, 3, 19), ramadan));
            db.WorkSchedules.Add(Schedule("Ramadan 1448 H", new(2027, 2, 8), new(2027, 3, 9), ramadan));
        }
        if (!await db.PenaltyRates.AnyAsync(cancellationToken))
        {
            db.PenaltyRates.AddRange(engine.Options.DefaultPenalties().Select(r => new PenaltyRate { Code = r.Key, Percent = r.Value }));
        }
        if (!await db.AttendanceDevices.AnyAsync(d => d.SerialNumber == DemoMachineSerial, cancellationToken))
        {
            db.AttendanceDevices.Add(new AttendanceDevice
            {
                Name = "Mesin sidik jari lobi Diskominfo", Kind = DeviceKind.Adms, SerialNumber = DemoMachineSerial,
                UnitId = diskominfo.Id, CreatedUtc = clock.UtcNow, LastSeenUtc = clock.UtcNow,
                // Approved for this computer only, so the README's curl walk-through works and nothing else does.
                Approval = MachineApproval.Disetujui, AllowedNetwork = DemoMachineNetwork, LastAddress = "127.0.0.1", ApprovedUtc = clock.UtcNow,
                ApprovedBy = "demo",
            });
        }
        db.AttendanceStates.Add(new AttendanceState { Key = Marker, Value = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(cancellationToken);

        // Every unit: the days up to yesterday are marked closed, so a unit without history would show blank closed days.
        var staff = await AttendanceEngine.Staff(db).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var accounts = await db.Users.Where(u => u.EmployeeId != null).ToDictionaryAsync(u => u.UserName!, u => u.EmployeeId!.Value, cancellationToken);
        await new DemoAttendanceHistory(engine, clock).SeedAsync(db, staff, accounts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo attendance seeded for {Employees} employees in {Elapsed} ms", staff.Count,
            (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The first day of the demo history: the first of the month three months before today's.</summary>
    public static DateOnly HistoryStart(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-3);

    private WorkSchedule Schedule(string name, DateOnly from, DateOnly to, WeekSchedule week) => new()
    {
        Name = name,
        From = from,
        To = to,
        CheckInFrom = week.CheckInFrom,
        CheckInUntil = week.CheckInUntil,
        CheckOutUntil = week.CheckOutUntil,
        Days = week.Days.Select(d => new WorkScheduleDay { DayOfWeek = d.Key, Start = d.Value.Start, End = d.Value.End }).ToList(),
    };
}
