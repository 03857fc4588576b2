using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Audit;

/// <summary>Writes the audit trail. Callers that already hold a context add the entry to it, so it commits with their change.</summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>Adds an entry to <paramref name="db"/>; it is saved with the caller's own SaveChanges.</summary>
    public void Add(PortalDbContext db, string action, string? subject, string? detail = null) =>
        db.AuditEntries.Add(Create(action, subject, detail, null, null));

    /// <summary>Writes an entry on its own (sign-in attempts, reads).</summary>
    public async Task WriteAsync(string action, string? subject, string? detail = null, string? userName = null, string? userId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEntries.Add(Create(action, subject, detail, userName, userId));
        await db.SaveChangesAsync();
    }

    private AuditEntry Create(string action, string? subject, string? detail, string? userName, string? userId) => new()
    {
        AtUtc = time.GetUtcNow().UtcDateTime,
        UserId = userId ?? currentUser.UserId,
        UserName = userName ?? currentUser.UserName,
        Action = action,
        Subject = Truncate(subject, 256),
        Detail = Truncate(detail, 2000),
        IpAddress = currentUser.IpAddress,
    };

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
