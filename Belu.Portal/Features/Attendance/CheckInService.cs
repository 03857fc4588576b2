using System.Net;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>What the check-in page shows: today's schedule, the punches so far and the status they make.</summary>
public sealed record MyToday(
    string Name,
    string UnitName,
    DateOnly Date,
    DaySchedule? Schedule,
    string? HolidayName,
    DayResult Status,
    IReadOnlyList<TimeOnly> Punches,
    string? NetworkRefusal)
{
    public bool HasCheckedIn => Punches.Count > 0;

    /// <summary>"Absen Masuk" before the first punch, "Absen Pulang" after it.</summary>
    public string ActionLabel => HasCheckedIn ? "Absen Pulang" : "Absen Masuk";
}

/// <summary>A web punch: today as it stands afterwards, and whether this punch was stored (false: a duplicate).</summary>
public sealed record WebCheckIn(MyToday Today, bool Recorded);

/// <summary>One day of the employee's own month.</summary>
public sealed record MyDay(DateOnly Date, DayResult? Result, string? HolidayName, bool IsWorkingDay);

public sealed record MyMonth(int Year, int Month, IReadOnlyList<MyDay> Days, IReadOnlyDictionary<AttendanceCode, int> Totals, decimal DeductionPercent);

/// <summary>Checks whether an address lies in the configured office networks.</summary>
public static class OfficeNetwork
{
    public static bool IsAllowed(string? address, IReadOnlyList<IPNetwork> networks)
    {
        if (networks.Count == 0)
        {
            return true;
        }
        if (!IPAddress.TryParse(address, out var ip))
        {
            return false;
        }
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }
        return networks.Any(n => n.Contains(ip));
    }
}

/// <summary>The employee's own attendance: web check-in, today and the month (the kiosk QR scan is <see cref="ScanKioskCode"/>).</summary>
public sealed class CheckInService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AttendanceEngine engine,
    PunchRecorder recorder,
    OfficeClock clock)
{
    public const string OutsideNetworkMessage =
        "Absen melalui web hanya dapat dilakukan dari jaringan kantor (intranet Pemkab Belu). Hubungkan perangkat Anda ke Wi-Fi/LAN kantor, atau gunakan mesin sidik jari.";

    public async Task<MyToday> GetTodayAsync(CancellationToken ct = default)
    {
        var employeeId = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Several small reads follow: one connection for all of them.
        await db.Database.OpenConnectionAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct)
            ?? throw new ForbiddenException(InactiveEmployeeMessage);
        return await TodayAsync(db, member, ct);
    }

    private async Task<MyToday> TodayAsync(PortalDbContext db, StaffMember member, CancellationToken ct)
    {
        var today = clock.Today;
        var grid = await engine.ReadAsync(db, [member], today, today, ct);
        var punches = grid.PunchesOn(member.Id, today);
        if (punches is null)
        {
            // Today already closed (a close run by hand): its punches were not read for the classification.
            var (start, end) = clock.DayBoundsUtc(today);
            punches = (await db.Punches.AsNoTracking().Where(p => p.EmployeeId == member.Id && p.AtUtc >= start && p.AtUtc < end)
                .OrderBy(p => p.AtUtc).Select(p => p.AtUtc).ToListAsync(ct))
                .Select(p => TimeOnly.FromDateTime(clock.ToLocal(p))).ToList();
        }
        var tree = grid.Book.Tree;
        return new MyToday(member.Name, tree.Contains(member.UnitId) ? tree[member.UnitId].Name : "", today,
            grid.Book.ScheduleOf(member.UnitId, today), grid.Book.HolidayOn(today),
            grid[member.Id, today] ?? new DayResult(AttendanceCode.Belum),
            punches,
            OfficeNetwork.IsAllowed(currentUser.IpAddress, engine.Options.Networks()) ? null : OutsideNetworkMessage);
    }

    public const string InactiveEmployeeMessage = "Data pegawai Anda tidak aktif; hubungi admin kepegawaian.";

    /// <summary>A punch from the web page: only from the office networks when they are configured.</summary>
    public async Task<MyToday> CheckInAsync(CancellationToken ct = default) => (await CheckInWithOutcomeAsync(ct)).Today;

    /// <summary>
    /// A web punch (page or <c>POST /api/absensi/hadir</c>) and whether it was stored (false: the same person punched
    /// within the duplicate window, so the earlier punch stands). Refused outside the office networks and for an
    /// employee who is no longer active, before anything is written.
    /// </summary>
    public async Task<WebCheckIn> CheckInWithOutcomeAsync(CancellationToken ct = default)
    {
        var employeeId = currentUser.RequireEmployeeId();
        if (!OfficeNetwork.IsAllowed(currentUser.IpAddress, engine.Options.Networks()))
        {
            throw new ForbiddenException(OutsideNetworkMessage);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct)
            ?? throw new ForbiddenException(InactiveEmployeeMessage);
        await RequireWindowOpenAsync(db, member, ct);
        var outcomes = await recorder.RecordAsync([new PunchSubmission(employeeId, clock.UtcNow, PunchSource.Web, IpAddress: currentUser.IpAddress)], ct);
        // Today as it stands afterwards, read on the same context (one connection for the reads).
        await db.Database.OpenConnectionAsync(ct);
        return new WebCheckIn(await TodayAsync(db, member, ct), outcomes[0] == PunchOutcome.Accepted);
    }

    /// <summary>
    /// The punch window of docs/domain/attendance.md, the same rule as the page's button: a person punching by hand
    /// (page, API; the kiosk scan asks the same rule) outside it is told why and nothing is stored.
    /// </summary>
    private async Task RequireWindowOpenAsync(PortalDbContext db, StaffMember member, CancellationToken ct)
    {
        var today = clock.Today;
        var book = await engine.LoadBookAsync(db, today, today, ct);
        if (CheckInWindow.Refusal(book.ScheduleOf(member.UnitId, today), book.HolidayOn(today), TimeOnly.FromDateTime(clock.LocalNow)) is string refusal)
        {
            throw new ValidationException(refusal);
        }
    }

    public async Task<MyMonth> GetMonthAsync(int year, int month, CancellationToken ct = default)
    {
        var employeeId = currentUser.RequireEmployeeId();
        if (month is < 1 or > 12 || year is < 2000 or > 2100)
        {
            throw new ValidationException("Bulan tidak sah.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct)
            ?? throw new ForbiddenException(InactiveEmployeeMessage);
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var grid = await engine.ReadAsync(db, [member], from, to, ct);
        var days = new List<MyDay>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            days.Add(new MyDay(d, grid[member.Id, d], grid.Book.HolidayOn(d), grid.Book.IsWorkingDay(member.UnitId, d)));
        }
        var results = days.Where(d => d.Result is not null).Select(d => d.Result!).ToList();
        return new MyMonth(year, month, days, CodeTotals.Count(results), grid.Book.Penalties.ForMonth(results));
    }
}
