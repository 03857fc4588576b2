using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>Counting a signer's wrong passphrases and locking at <see cref="SignerLock.MaxFailures"/>.</summary>
internal static class SignerLocks
{
    public const string LockedMessage =
        "Tanda tangan elektronik Anda dikunci setelah 5 kali passphrase salah. Hubungi administrator untuk membukanya.";

    /// <summary>Adds one wrong try in the database itself (two tabs cannot both count one) and returns the count; locks at the limit.</summary>
    public static async Task<int> CountFailureAsync(PortalDbContext db, int employeeId, DateTime now, CancellationToken ct)
    {
        var locks = db.Set<SignerLock>();
        var updated = await locks.Where(l => l.EmployeeId == employeeId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, l => l.FailedAttempts + 1).SetProperty(l => l.LastFailureAtUtc, now), ct);
        if (updated == 0)
        {
            locks.Add(new SignerLock { EmployeeId = employeeId, FailedAttempts = 1, LastFailureAtUtc = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another wrong try created the row first: count on it instead.
                db.ChangeTracker.Clear();
                await locks.Where(l => l.EmployeeId == employeeId)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, l => l.FailedAttempts + 1).SetProperty(l => l.LastFailureAtUtc, now), ct);
            }
        }
        await locks.Where(l => l.EmployeeId == employeeId && l.FailedAttempts >= SignerLock.MaxFailures && l.LockedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedAtUtc, now), ct);
        db.ChangeTracker.Clear();
        return await locks.AsNoTracking().Where(l => l.EmployeeId == employeeId).Select(l => l.FailedAttempts).SingleAsync(ct);
    }
}
