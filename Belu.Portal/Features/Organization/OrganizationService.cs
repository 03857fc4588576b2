using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization;

public sealed record EmployeeRow(
    int Id, string? Nip, string Name, string Position, EmploymentType EmploymentType,
    int UnitId, string UnitPath, int? SuperiorId, string? SuperiorName, bool IsActive, bool HasAccount);

public sealed record EmployeeQuery(string? Text = null, int? UnitId = null, bool IncludeSubunits = true, bool? Active = true, int Skip = 0, int Take = 25);

public sealed record MyProfile(string Name, string? Nip, string Position, string UnitName, string UnitPath, string? SuperiorName);

public sealed record EmployeeOption(int Id, string? Nip, string Name, string Position);

/// <summary>
/// Reading the organisation: units and employees. Reading the tree is open to every signed-in person (pickers need
/// it); reading people is limited to the caller's scope. Changes are use cases of their own (<see cref="SaveUnit"/>,
/// <see cref="SaveEmployee"/>).
/// </summary>
public sealed class OrganizationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    OrganizationTreeCache trees)
{
    public async Task<UnitTree> GetTreeAsync(CancellationToken ct = default)
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new ForbiddenException();
        }
        return await trees.GetAsync(ct);
    }

    /// <summary>The signed-in person's own record, or null for an account without an employee (a display screen).</summary>
    public async Task<MyProfile?> GetMyProfileAsync(CancellationToken ct = default)
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new ForbiddenException();
        }
        if (currentUser.EmployeeId is not int id)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var e = await db.Employees.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Name, x.Nip, x.Position, x.UnitId, Superior = x.Superior != null ? x.Superior.Name : null })
            .FirstOrDefaultAsync(ct);
        return e is null ? null : new MyProfile(e.Name, e.Nip, e.Position, tree[e.UnitId].Name, tree.PathOf(e.UnitId), e.Superior);
    }

    /// <summary>
    /// Units whose people the caller may see: all for an administrator, the own unit's subtree for a leader,
    /// nothing for anyone else.
    /// </summary>
    public async Task<HashSet<int>> GetPeopleScopeAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        return await ScopeAsync(db, tree, ct);
    }

    public async Task<PagedResult<EmployeeRow>> SearchEmployeesAsync(EmployeeQuery query, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var scope = await ScopeAsync(db, tree, ct);

        IEnumerable<int> units = scope;
        if (query.UnitId is int unitId)
        {
            units = query.IncludeSubunits ? tree.SubtreeOf(unitId).Where(scope.Contains) : scope.Contains(unitId) ? [unitId] : [];
        }
        var unitList = units.ToList();

        var employees = Filter(db.Employees.AsNoTracking(), unitList, query);

        var total = await employees.CountAsync(ct);
        var rows = await employees
            .OrderBy(e => e.Name)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 200))
            .Select(e => new
            {
                e.Id, e.Nip, e.Name, e.Position, e.EmploymentType, e.UnitId, e.SuperiorId,
                SuperiorName = e.Superior != null ? e.Superior.Name : null,
                e.IsActive,
                HasAccount = db.Users.Any(u => u.EmployeeId == e.Id),
            })
            .ToListAsync(ct);
        return new(rows.Select(r => new EmployeeRow(r.Id, r.Nip, r.Name, r.Position, r.EmploymentType, r.UnitId,
            tree.Contains(r.UnitId) ? tree.PathOf(r.UnitId) : "", r.SuperiorId, r.SuperiorName, r.IsActive, r.HasAccount)).ToList(), total);
    }

    /// <summary>Candidates for a superior or an account: active people matching the text, within the caller's scope.</summary>
    public async Task<IReadOnlyList<EmployeeOption>> FindEmployeesAsync(string? text, int take = 20, CancellationToken ct = default)
    {
        var page = await SearchEmployeesAsync(new EmployeeQuery(text, Take: take), ct);
        return page.Items.Select(e => new EmployeeOption(e.Id, e.Nip, e.Name, e.Position)).ToList();
    }

    public async Task<EmployeeInput> GetEmployeeAsync(int id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var scope = await ScopeAsync(db, tree, ct);
        var e = await db.Employees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !scope.Contains(e.UnitId))
        {
            throw new NotFoundException("Pegawai tidak ditemukan.");
        }
        return new EmployeeInput
        {
            Nip = e.Nip, Name = e.Name, Position = e.Position, EmploymentType = e.EmploymentType, Rank = e.Rank,
            UnitId = e.UnitId, SuperiorId = e.SuperiorId, IsActive = e.IsActive, Version = e.Version,
            Phone = e.Phone, Email = e.Email,
        };
    }

    public async Task<EmployeeOption?> GetEmployeeOptionAsync(int? id, CancellationToken ct = default)
    {
        if (id is null)
        {
            return null;
        }
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Employees.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EmployeeOption(e.Id, e.Nip, e.Name, e.Position)).FirstOrDefaultAsync(ct);
    }

    public async Task<UnitInput> GetUnitAsync(int id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var u = await db.Units.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Unit tidak ditemukan.");
        return new UnitInput { Name = u.Name, Code = u.Code, Kind = u.Kind, ParentId = u.ParentId, SortOrder = u.SortOrder, IsActive = u.IsActive, Version = u.Version };
    }

    /// <summary>Number of active employees per unit (not including subunits), for the tree page.</summary>
    public async Task<Dictionary<int, int>> CountEmployeesByUnitAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Employees.Where(e => e.IsActive).GroupBy(e => e.UnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>The people of <paramref name="units"/> matching the list's text and status filters (the unit filter is the caller's).</summary>
    internal static IQueryable<Employee> Filter(IQueryable<Employee> employees, IReadOnlyCollection<int> units, EmployeeQuery query)
    {
        employees = employees.Where(e => units.Contains(e.UnitId));
        if (query.Active is bool active)
        {
            employees = employees.Where(e => e.IsActive == active);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            var nip = Nip.Normalize(text);
            // Lower-cased on both sides: PostgreSQL's LIKE minds the case, and an admin types "budi" for "Budi".
            var pattern = LikePattern.Contains(text.ToLowerInvariant());
            employees = employees.Where(e => EF.Functions.Like(e.Name.ToLower(), pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(e.Position.ToLower(), pattern, LikePattern.EscapeCharacter)
                || (e.Nip != null && e.Nip.StartsWith(nip!)));
        }
        return employees;
    }

    /// <summary>The units whose people the caller may see (see <see cref="GetPeopleScopeAsync"/>), on the caller's context.</summary>
    internal async Task<HashSet<int>> ScopeAsync(PortalDbContext db, UnitTree tree, CancellationToken ct)
    {
        if (currentUser.IsAdmin)
        {
            return tree.All.Select(u => u.Id).ToHashSet();
        }
        if (currentUser.IsInRole(Roles.Pimpinan) && currentUser.EmployeeId is int employeeId)
        {
            var unitId = await db.Employees.Where(e => e.Id == employeeId).Select(e => (int?)e.UnitId).FirstOrDefaultAsync(ct);
            return unitId is int u ? tree.SubtreeOf(u) : [];
        }
        return [];
    }
}
