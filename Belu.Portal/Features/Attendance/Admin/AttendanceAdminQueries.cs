using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

public sealed record ScheduleRow(Guid Id, string Name, int? UnitId, string UnitName, DateOnly? From, DateOnly? To, WeekSchedule Week, Guid Version);

public sealed record DeviceRow(Guid Id, string Name, DeviceKind Kind, string? SerialNumber, string? KeyHint, int? UnitId, string UnitName, bool IsActive, DateTime CreatedUtc, DateTime? LastSeenUtc,
    MachineApproval Approval = MachineApproval.Disetujui, string? AllowedNetwork = null, string? LastAddress = null);

public sealed record PinRow(int Id, string Pin, int EmployeeId, string EmployeeName, string? Nip);

public sealed record DayForCorrection(StaffMember Employee, DateOnly Date, DayResult? Result, string? CorrectionReason);

/// <summary>What the E-Absen admin pages read: schedules, holidays, the penalty table, devices, PINs, a day to correct.</summary>
public sealed class AttendanceAdminQueries(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationTreeCache trees,
    CurrentUser currentUser,
    AttendanceEngine engine,
    OfficeClock clock)
{
    public async Task<IReadOnlyList<ScheduleRow>> ListSchedulesAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var schedules = await db.WorkSchedules.AsNoTracking().Include(s => s.Days).ToListAsync(ct);
        return schedules
            .OrderBy(s => s.From is null ? 0 : 1).ThenByDescending(s => s.From).ThenBy(s => s.UnitId is null ? 0 : 1).ThenBy(s => s.Name)
            .Select(s => new ScheduleRow(s.Id, s.Name, s.UnitId, s.UnitId is int u && tree.Contains(u) ? tree.PathOf(u) : "Semua unit",
                s.From, s.To, s.ToEntry().Week, s.Version))
            .ToList();
    }

    public WeekSchedule DefaultWeek => engine.Options.DefaultWeek();

    public WeekSchedule RamadanWeek => engine.Options.RamadanWeek();

    public async Task<IReadOnlyList<Holiday>> ListHolidaysAsync(int year, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<AttendanceCode, decimal>> GetPenaltiesAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var book = await engine.LoadBookAsync(db, clock.Today, clock.Today, ct);
        return AttendanceCodes.Recap.Where(c => c != AttendanceCode.H).ToDictionary(c => c, book.Penalties.RateOf);
    }

    public async Task<IReadOnlyList<DeviceRow>> ListDevicesAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var devices = await db.AttendanceDevices.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        return devices.Select(d => new DeviceRow(d.Id, d.Name, d.Kind, d.SerialNumber, d.KeyHint, d.UnitId,
            d.UnitId is int u && tree.Contains(u) ? tree.PathOf(u) : "Semua unit", d.IsActive, d.CreatedUtc, d.LastSeenUtc,
            d.Approval, d.AllowedNetwork, d.LastAddress)).ToList();
    }

    public async Task<IReadOnlyList<PinRow>> ListPinsAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EmployeePins.AsNoTracking().OrderBy(p => p.Pin)
            .Join(db.Employees, p => p.EmployeeId, e => e.Id, (p, e) => new PinRow(p.Id, p.Pin, e.Id, e.Name, e.Nip))
            .ToListAsync(ct);
    }

    public async Task<DayForCorrection> GetDayAsync(int employeeId, DateOnly date, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct) ?? throw new NotFoundException("Pegawai tidak ditemukan.");
        var grid = await engine.ReadAsync(db, [member], date, date, ct);
        var reason = await db.AttendanceDays.AsNoTracking().Where(d => d.EmployeeId == employeeId && d.Date == date).Select(d => d.CorrectionReason).FirstOrDefaultAsync(ct);
        return new DayForCorrection(member, date, grid[employeeId, date], reason);
    }

    public async Task<IReadOnlyList<StaffMember>> FindStaffAsync(string? text, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = (text ?? "").Trim();
        var query = AttendanceEngine.Staff(db);
        if (t.Length > 0)
        {
            query = query.Where(s => EF.Functions.Like(s.Name, LikePattern.Contains(t), LikePattern.EscapeCharacter) || (s.Nip != null && s.Nip.StartsWith(t)));
        }
        return await query.OrderBy(s => s.Name).Take(20).ToListAsync(ct);
    }
}
