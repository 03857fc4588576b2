using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Common;

public static class ConcurrentSave
{
    /// <summary>Saves, turning a lost race on a row's version into the message the pages show.</summary>
    public static async Task SaveOrConflictAsync(this PortalDbContext db, CancellationToken ct)
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
