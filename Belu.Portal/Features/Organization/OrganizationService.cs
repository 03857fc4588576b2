using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization;

public sealed record EmployeeRow(
    int Id, string? Nip, string Name, string Position, EmploymentType EmploymentType,
    int UnitId, string UnitPath, int? SuperiorId, string? SuperiorName, bool IsActive, bool HasAccount);

public sealed record EmployeeQuery(string? Text = null, int? UnitId = null, bool IncludeSubunits = true, bool? Active = true, int Skip = 0, int Take = 25);

public sealed record MyProfile(string Name, string? Nip, string Position, string UnitName, string UnitPath, string? SuperiorName);

public sealed record EmployeeOption(int Id, string? Nip, string Name, string Position);

/// <summary>
/// The organisation: units and employees. Reading the tree is open to every signed-in person (pickers need it);
/// reading people is limited to the caller's scope; every change is for administrators and is audited.
/// </summary>
public sealed class OrganizationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit,
    OfficeClock clock,
    Accounts.Sessions.LiveSessions sessions)
{
    public async Task<UnitTree> GetTreeAsync(CancellationToken ct = default)
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new ForbiddenException();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadTreeAsync(db, ct);
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
        var tree = await LoadTreeAsync(db, ct);
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
        var tree = await LoadTreeAsync(db, ct);
        return await ScopeAsync(db, tree, ct);
    }

    public async Task<PagedResult<EmployeeRow>> SearchEmployeesAsync(EmployeeQuery query, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await LoadTreeAsync(db, ct);
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
        var tree = await LoadTreeAsync(db, ct);
        var scope = await ScopeAsync(db, tree, ct);
        var e = await db.Employees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !scope.Contains(e.UnitId))
        {
            throw new NotFoundException("Pegawai tidak ditemukan.");
        }
        return new EmployeeInput
        {
            Nip = e.Nip, Name = e.Name, Position = e.Position, EmploymentType = e.EmploymentType,
            UnitId = e.UnitId, SuperiorId = e.SuperiorId, IsActive = e.IsActive, Version = e.Version,
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

    public async Task<int> CreateEmployeeAsync(EmployeeInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateEmployeeAsync(db, null, input, ct);
        var employee = new Employee { Name = "", Position = "" };
        Apply(employee, input);
        db.Employees.Add(employee);
        audit.Add(db, "employee.created", employee.Nip ?? employee.Name, $"{employee.Name} — {employee.Position}");
        await db.SaveChangesAsync(ct);
        return employee.Id;
    }

    public async Task UpdateEmployeeAsync(int id, EmployeeInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Pegawai tidak ditemukan.");
        await ValidateEmployeeAsync(db, id, input, ct);
        var wasActive = employee.IsActive;
        var wasUnit = employee.UnitId;
        db.Entry(employee).Property(e => e.Version).OriginalValue = input.Version;
        Apply(employee, input);
        employee.Version = Guid.NewGuid();
        audit.Add(db, "employee.updated", employee.Nip ?? employee.Name,
            $"{employee.Name} — {employee.Position}{(wasActive && !employee.IsActive ? " (dinonaktifkan)" : "")}");
        // Leaving the service or moving to another unit changes what the person may see: their sessions end.
        var accounts = wasActive && !employee.IsActive || wasUnit != employee.UnitId
            ? await SignOutEverywhereAsync(db, id, ct) : [];
        await SaveAsync(db, ct);
        await sessions.EndAsync([.. accounts.Select(Accounts.Sessions.LiveSessions.AccountKey)]);
    }

    public async Task<int> CreateUnitAsync(UnitInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await LoadTreeAsync(db, ct);
        await ValidateUnitAsync(db, tree, null, input, ct);
        var unit = new Unit { Name = input.Name.Trim(), Code = input.Code.Trim().ToUpperInvariant(), Kind = input.Kind, ParentId = input.ParentId, SortOrder = input.SortOrder, IsActive = input.IsActive };
        db.Units.Add(unit);
        audit.Add(db, "unit.created", unit.Code, unit.Name);
        await db.SaveChangesAsync(ct);
        return unit.Id;
    }

    public async Task UpdateUnitAsync(int id, UnitInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await LoadTreeAsync(db, ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("Unit tidak ditemukan.");
        await ValidateUnitAsync(db, tree, id, input, ct);
        if (!input.IsActive && unit.IsActive && await db.Employees.AnyAsync(e => e.UnitId == id && e.IsActive, ct))
        {
            throw new ValidationException("Unit masih memiliki pegawai aktif. Pindahkan atau nonaktifkan pegawainya terlebih dahulu.");
        }
        var moved = unit.ParentId != input.ParentId;
        db.Entry(unit).Property(u => u.Version).OriginalValue = input.Version;
        unit.Name = input.Name.Trim();
        unit.Code = input.Code.Trim().ToUpperInvariant();
        unit.Kind = input.Kind;
        unit.ParentId = input.ParentId;
        unit.SortOrder = input.SortOrder;
        unit.IsActive = input.IsActive;
        unit.Version = Guid.NewGuid();
        audit.Add(db, moved ? "unit.moved" : "unit.updated", unit.Code,
            moved && input.ParentId is int p && tree.Contains(p) ? $"{unit.Name} → di bawah {tree[p].Name}" : unit.Name);
        await SaveAsync(db, ct);
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
            employees = employees.Where(e => EF.Functions.Like(e.Name, LikePattern.Contains(text), LikePattern.EscapeCharacter)
                || EF.Functions.Like(e.Position, LikePattern.Contains(text), LikePattern.EscapeCharacter)
                || (e.Nip != null && e.Nip.StartsWith(nip!)));
        }
        return employees;
    }

    internal static async Task<UnitTree> LoadTreeAsync(PortalDbContext db, CancellationToken ct) =>
        new(await db.Units.AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Code, u.Kind, u.SortOrder, u.IsActive))
            .ToListAsync(ct));

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

    private async Task ValidateEmployeeAsync(PortalDbContext db, int? id, EmployeeInput input, CancellationToken ct)
    {
        var errors = EmployeeRules.Validate(input, clock.Today.Year);
        var nip = Nip.Normalize(input.Nip);
        if (!errors.ContainsKey(nameof(input.Nip)) && nip is not null)
        {
            var holder = await db.Employees.Where(e => e.Nip == nip && e.Id != id).Select(e => e.Name).FirstOrDefaultAsync(ct);
            if (holder is not null)
            {
                errors[nameof(input.Nip)] = $"NIP {nip} sudah terdaftar atas nama {holder}.";
            }
        }
        if (!errors.ContainsKey(nameof(input.UnitId)) && !await db.Units.AnyAsync(u => u.Id == input.UnitId && u.IsActive, ct))
        {
            errors[nameof(input.UnitId)] = "Unit kerja tidak ditemukan atau tidak aktif.";
        }
        if (input.SuperiorId is int superiorId)
        {
            if (superiorId == id)
            {
                errors[nameof(input.SuperiorId)] = "Pegawai tidak dapat menjadi atasan dirinya sendiri.";
            }
            else if (!await db.Employees.AnyAsync(e => e.Id == superiorId, ct))
            {
                errors[nameof(input.SuperiorId)] = "Atasan tidak ditemukan.";
            }
            else if (id is int self && await IsInChainAsync(db, superiorId, self, ct))
            {
                errors[nameof(input.SuperiorId)] = "Atasan tersebut adalah bawahan pegawai ini; rantai atasan tidak boleh melingkar.";
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }
    }

    /// <summary>Walks up from <paramref name="start"/> through superiors; true when <paramref name="target"/> is met.</summary>
    private static async Task<bool> IsInChainAsync(PortalDbContext db, int start, int target, CancellationToken ct)
    {
        var superiors = await db.Employees.Where(e => e.SuperiorId != null).Select(e => new { e.Id, e.SuperiorId }).ToDictionaryAsync(e => e.Id, e => e.SuperiorId!.Value, ct);
        var seen = new HashSet<int>();
        for (int? current = start; current is int c && seen.Add(c); current = superiors.TryGetValue(c, out var s) ? s : null)
        {
            if (c == target)
            {
                return true;
            }
        }
        return false;
    }

    private static async Task ValidateUnitAsync(PortalDbContext db, UnitTree tree, int? id, UnitInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors[nameof(input.Name)] = "Nama unit wajib diisi.";
        }
        var code = (input.Code ?? "").Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            errors[nameof(input.Code)] = "Kode unit wajib diisi.";
        }
        else if (await db.Units.AnyAsync(u => u.Code == code && u.Id != id, ct))
        {
            errors[nameof(input.Code)] = $"Kode unit {code} sudah dipakai unit lain.";
        }
        if (tree.CheckPlacement(id, input.Kind, input.ParentId) is string placement)
        {
            errors[nameof(input.ParentId)] = placement;
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }
    }

    private static void Apply(Employee employee, EmployeeInput input)
    {
        employee.Nip = Nip.Normalize(input.Nip);
        employee.Name = input.Name.Trim();
        employee.Position = input.Position.Trim();
        employee.EmploymentType = input.EmploymentType;
        employee.UnitId = input.UnitId;
        employee.SuperiorId = input.SuperiorId;
        employee.IsActive = input.IsActive;
    }

    /// <summary>Renews the stamps of the employee's accounts (their cookies fail the next check); returns the accounts.</summary>
    private static async Task<List<string>> SignOutEverywhereAsync(PortalDbContext db, int employeeId, CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.EmployeeId == employeeId).ToListAsync(ct);
        foreach (var user in users)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
        return users.Select(u => u.Id).ToList();
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException();
        }
    }
}
