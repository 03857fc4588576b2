using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>A locked signer as the admin's list shows them.</summary>
public sealed record LockedSigner(int EmployeeId, string Name, string Position, int FailedAttempts, DateTime LockedAtUtc);

/// <summary>
/// An admin lists the signers locked after five wrong passphrases and unlocks one (after checking, outside the portal,
/// that the signer is who tried). Audited; the count starts again from zero.
/// </summary>
public sealed class UnlockSigner(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<IReadOnlyList<LockedSigner>> LockedAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SignerLock>().AsNoTracking().Where(l => l.LockedAtUtc != null)
            .Join(db.Employees, l => l.EmployeeId, e => e.Id, (l, e) => new { e.Id, e.Name, e.Position, l.FailedAttempts, l.LockedAtUtc })
            .OrderBy(l => l.Name)
            .Select(l => new LockedSigner(l.Id, l.Name, l.Position, l.FailedAttempts, l.LockedAtUtc!.Value)).ToListAsync(ct);
    }

    public async Task HandleAsync(int employeeId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Employees.Where(e => e.Id == employeeId).Select(e => e.Name).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Pegawai tidak ditemukan.");
        var removed = await db.Set<SignerLock>().Where(l => l.EmployeeId == employeeId).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            throw new ValidationException("Tanda tangan pegawai ini tidak sedang dikunci.");
        }
        await audit.WriteAsync("signature.unlocked", name);
    }
}
