using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization;

/// <summary>
/// An administrator creates or changes a unit (its name, code, kind, place in the tree, activity). Audited; every
/// instance's kept tree is told after the save.
/// </summary>
public sealed class SaveUnit(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit,
    OrganizationTreeCache trees)
{
    public async Task<int> CreateAsync(UnitInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        await ValidateAsync(db, tree, null, input, ct);
        var unit = new Unit { Name = input.Name.Trim(), Code = input.Code.Trim().ToUpperInvariant(), Kind = input.Kind, ParentId = input.ParentId, SortOrder = input.SortOrder, IsActive = input.IsActive };
        db.Units.Add(unit);
        audit.Add(db, "unit.created", unit.Code, unit.Name);
        await db.SaveChangesAsync(ct);
        await trees.AnnounceChangeAsync(ct);
        return unit.Id;
    }

    public async Task UpdateAsync(int id, UnitInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("Unit tidak ditemukan.");
        await ValidateAsync(db, tree, id, input, ct);
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
        await db.SaveOrConflictAsync(ct);
        await trees.AnnounceChangeAsync(ct);
    }

    private static async Task ValidateAsync(PortalDbContext db, UnitTree tree, int? id, UnitInput input, CancellationToken ct)
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
}
