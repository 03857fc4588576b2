using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Notifications.Channels;

public sealed record DeliveryLogRow(Guid Id, DateTime CreatedUtc, ChannelKind Channel, string Recipient, string? UserName,
    string Subject, ChannelMessageState State, int Attempts, DateTime NextAttemptUtc, DateTime? SentUtc, string? LastError);

public sealed record DeliveryLogQuery(ChannelKind? Channel, ChannelMessageState? State, int Skip, int Take);

/// <summary>The administrator's delivery log ("Log pengiriman"): each channel copy with its state, tries and last error.</summary>
public sealed class DeliveryLogQueries(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<(IReadOnlyList<DeliveryLogRow> Items, int Total)> SearchAsync(DeliveryLogQuery query, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var messages = db.ChannelMessages.AsNoTracking();
        if (query.Channel is ChannelKind channel)
        {
            messages = messages.Where(m => m.Channel == channel);
        }
        if (query.State is ChannelMessageState state)
        {
            messages = messages.Where(m => m.State == state);
        }
        var total = await messages.CountAsync(ct);
        var items = await (
            from m in messages
            join u in db.Users on m.UserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            orderby m.CreatedUtc descending, m.Id descending
            select new DeliveryLogRow(m.Id, m.CreatedUtc, m.Channel, m.Recipient, u == null ? null : u.UserName, m.Subject,
                m.State, m.Attempts, m.NextAttemptUtc, m.SentUtc, m.LastError))
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(ct);
        return (items, total);
    }
}
