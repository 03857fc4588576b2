using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Tests.Integration.Attendance;

internal static class AttendanceTestData
{
    public static async Task<int> EmployeeIdOfAsync(this PortalFactory factory, string userName)
    {
        await using var db = factory.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.EmployeeId!.Value).SingleAsync();
    }

    public static async Task<string> NipOfAsync(this PortalFactory factory, int employeeId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Employees.Where(e => e.Id == employeeId).Select(e => e.Nip!).SingleAsync();
    }

    public static async Task<List<Punch>> PunchesOfAsync(this PortalFactory factory, int employeeId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Punches.Where(p => p.EmployeeId == employeeId).OrderBy(p => p.AtUtc).ToListAsync();
    }

    /// <summary>A stored employee of a unit, by the unit's code, who is not a demo account, with their demo history.</summary>
    public static async Task<(int Id, string Nip)> StaffOfUnitAsync(this PortalFactory factory, string opdCode, int skip = 0)
    {
        await using var db = factory.CreateDbContext();
        var opd = await db.Units.SingleAsync(u => u.Code == opdCode);
        var units = await db.Units.Where(u => u.Id == opd.Id || u.ParentId == opd.Id).Select(u => u.Id).ToListAsync();
        var accounts = await db.Users.Where(u => u.EmployeeId != null).Select(u => u.EmployeeId!.Value).ToListAsync();
        var e = await db.Employees.Where(e => units.Contains(e.UnitId) && e.Nip != null && !accounts.Contains(e.Id)).OrderBy(e => e.Id).Skip(skip).FirstAsync();
        return (e.Id, e.Nip!);
    }

    /// <summary>
    /// Like <see cref="StaffOfUnitAsync"/>, with a clean attendance record: the demo gives every unit three months of
    /// punches, days and requests, and a test that writes one person's record from nothing starts from none.
    /// </summary>
    public static async Task<(int Id, string Nip)> StaffWithCleanRecordAsync(this PortalFactory factory, string opdCode, int skip = 0)
    {
        var (id, nip) = await factory.StaffOfUnitAsync(opdCode, skip);
        await using var db = factory.CreateDbContext();
        await db.Punches.Where(p => p.EmployeeId == id).ExecuteDeleteAsync();
        await db.AttendanceDays.Where(d => d.EmployeeId == id).ExecuteDeleteAsync();
        await db.AttendanceRequests.Where(r => r.EmployeeId == id).ExecuteDeleteAsync();
        return (id, nip);
    }

    public static async Task<AttendanceDay?> DayAsync(PortalDbContext db, int employeeId, DateOnly date) =>
        await db.AttendanceDays.AsNoTracking().SingleOrDefaultAsync(d => d.EmployeeId == employeeId && d.Date == date);

    /// <summary>"%PDF-" and a little more: enough for the file store's content check.</summary>
    public static MemoryStream Pdf() => new("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray());
}
