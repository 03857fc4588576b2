using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Field;

public sealed record FieldSiteRow(int Id, string Name, int? UnitId, string UnitName, double Latitude, double Longitude, int RadiusMetres, bool IsActive, Guid Version);

public sealed record FieldStaffRow(int? UnitId, int? EmployeeId, string Name, string Detail);

public sealed record FieldChoice(int Id, string Name);

/// <summary>What the field settings page shows the admin: the sites, the marks, and the units and staff to choose from.</summary>
public sealed class FieldAdminQueries(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<FieldSiteRow>> SitesAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from s in db.Set<FieldSite>().AsNoTracking()
                      join u in db.Units.AsNoTracking() on s.UnitId equals u.Id into units
                      from u in units.DefaultIfEmpty()
                      orderby s.Name
                      select new FieldSiteRow(s.Id, s.Name, s.UnitId, u == null ? "Seluruh Kabupaten Belu" : u.Name, s.Latitude, s.Longitude,
                          s.RadiusMetres, s.IsActive, s.Version)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<FieldStaffRow>> MarksAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await (from m in db.Set<FieldStaffMark>().AsNoTracking()
                           join u in db.Units.AsNoTracking() on m.UnitId equals u.Id
                           select new FieldStaffRow(m.UnitId, null, u.Name, "Unit kerja (dan sub-unitnya)")).ToListAsync(ct);
        var people = await (from m in db.Set<FieldStaffMark>().AsNoTracking()
                            join e in db.Employees.AsNoTracking() on m.EmployeeId equals e.Id
                            select new FieldStaffRow(null, m.EmployeeId, e.Name, e.Position)).ToListAsync(ct);
        return [.. units.OrderBy(r => r.Name), .. people.OrderBy(r => r.Name)];
    }

    public async Task<IReadOnlyList<FieldChoice>> UnitsAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Name).Select(u => new FieldChoice(u.Id, u.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<FieldChoice>> EmployeesAsync(string? text, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Employees.AsNoTracking().Where(e => e.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Contains(text.Trim());
            query = query.Where(e => EF.Functions.Like(e.Name, pattern, LikePattern.EscapeCharacter) || (e.Nip != null && EF.Functions.Like(e.Nip, pattern, LikePattern.EscapeCharacter)));
        }
        return await query.OrderBy(e => e.Name).Take(20).Select(e => new FieldChoice(e.Id, e.Name)).ToListAsync(ct);
    }
}
