using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Accounts.Sessions;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization;

/// <summary>
/// An administrator records a new employee or changes one: NIP, name, position, unit (a move), superior, activity.
/// Audited; a person who leaves the service or moves to another unit is signed out everywhere, since what they may
/// see has changed.
/// </summary>
public sealed class SaveEmployee(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit,
    OfficeClock clock,
    LiveSessions sessions)
{
    public async Task<int> CreateAsync(EmployeeInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, null, input, ct);
        var employee = new Employee { Name = "", Position = "" };
        Apply(employee, input);
        db.Employees.Add(employee);
        audit.Add(db, "employee.created", employee.Nip ?? employee.Name, $"{employee.Name} — {employee.Position}");
        await db.SaveChangesAsync(ct);
        return employee.Id;
    }

    public async Task UpdateAsync(int id, EmployeeInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Pegawai tidak ditemukan.");
        await ValidateAsync(db, id, input, ct);
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
        await db.SaveOrConflictAsync(ct);
        await sessions.EndAsync([.. accounts.Select(LiveSessions.AccountKey)]);
    }

    private async Task ValidateAsync(PortalDbContext db, int? id, EmployeeInput input, CancellationToken ct)
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

    private static void Apply(Employee employee, EmployeeInput input)
    {
        employee.Nip = Nip.Normalize(input.Nip);
        employee.Name = input.Name.Trim();
        employee.Position = input.Position.Trim();
        employee.EmploymentType = input.EmploymentType;
        employee.Rank = string.IsNullOrWhiteSpace(input.Rank) ? null : input.Rank.Trim();
        employee.UnitId = input.UnitId;
        employee.SuperiorId = input.SuperiorId;
        employee.IsActive = input.IsActive;
        ContactRules.TryNormalizePhone(input.Phone, out var phone);
        ContactRules.TryNormalizeEmail(input.Email, out var email);
        employee.Phone = phone;
        employee.Email = email;
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
}
