using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Notifications;

public sealed record NotificationRow(Guid Id, string Kind, string Text, string? Link, DateTime AtUtc, bool IsRead);

/// <summary>The caller's own notifications: count, list, mark read. Nobody reaches another account's.</summary>
public sealed class NotificationService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    private string UserId => currentUser.IsAuthenticated && currentUser.UserId is string id ? id : throw new ForbiddenException();

    public async Task<int> CountUnreadAsync(CancellationToken ct = default)
    {
        var userId = UserId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);
    }

    public async Task<PagedResult<NotificationRow>> ListAsync(bool unreadOnly, int skip, int take, CancellationToken ct = default)
    {
        var userId = UserId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAtUtc == null);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(n => n.AtUtc).ThenByDescending(n => n.Id).Skip(skip).Take(Math.Clamp(take, 1, 100))
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Text, n.Link, n.AtUtc, n.ReadAtUtc != null)).ToListAsync(ct);
        return new(rows, total);
    }

    /// <summary>Marks one of the caller's notifications read; another account's is "not found".</summary>
    public async Task MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var userId = UserId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Notifications.Where(n => n.Id == id && n.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, n => n.ReadAtUtc ?? time.GetUtcNow().UtcDateTime), ct);
        if (updated == 0)
        {
            throw new NotFoundException("Notifikasi tidak ditemukan.");
        }
    }

    /// <summary>Marks the notification of an event read, when the user opens what it pointed to.</summary>
    public async Task MarkEventReadAsync(Guid eventId, CancellationToken ct = default)
    {
        var userId = UserId;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.EventId == eventId && n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }

    /// <summary>
    /// Marks read the caller's notifications that point to <paramref name="link"/>: opening what a notification is
    /// about answers it, however the user got there (the bell, the toast, a list, a bookmark).
    /// </summary>
    public async Task<int> MarkLinkReadAsync(string link, CancellationToken ct = default)
    {
        var userId = UserId;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null && n.Link == link)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var userId = UserId;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }
}
