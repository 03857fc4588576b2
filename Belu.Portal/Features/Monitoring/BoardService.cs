using System.Security.Claims;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Monitoring;

/// <summary>Monitoring board settings (section "Monitoring").</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>Seconds each panel stays on screen before the next one rotates in.</summary>
    public int PanelSeconds { get; set; } = 20;

    /// <summary>Lines in the live ticker.</summary>
    public int TickerSize { get; set; } = 10;

    /// <summary>Events are coalesced: the board re-reads its numbers at most this often.</summary>
    public int RefreshSeconds { get; set; } = 3;
}

/// <summary>What a board may show: its scope comes from its display token (or the whole regency for Admins previewing).</summary>
public sealed class BoardService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public static bool MayWatch(ClaimsPrincipal user) => user.IsInRole(Roles.Display) || user.IsInRole(Roles.Admin);

    public async Task<(BoardScope Scope, string Label)> ScopeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var scope = user.IsInRole(Roles.Display) ? DisplayClaims.Scope(user) : BoardScope.Regency;
        if (scope.IsRegency)
        {
            return (scope, "Seluruh Kabupaten Belu");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = scope.OpdIds!.ToList();
        var names = await db.Units.Where(u => ids.Contains(u.Id)).OrderBy(u => u.SortOrder).Select(u => u.Name).ToListAsync(ct);
        return (scope, string.Join(" · ", names));
    }

    /// <summary>The latest events within the scope, newest first, for the ticker.</summary>
    public async Task<IReadOnlyList<BoardEvent>> RecentEventsAsync(BoardScope scope, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = db.RecentEvents.AsNoTracking();
        if (!scope.IsRegency)
        {
            var ids = scope.OpdIds!.ToList();
            events = events.Where(e => e.OpdId == null || ids.Contains(e.OpdId.Value));
        }
        return await events.OrderByDescending(e => e.AtUtc).Take(take)
            .Select(e => new BoardEvent(e.Id, e.Kind, e.Text, e.AtUtc, e.OpdId)).ToListAsync(ct);
    }

    public static IReadOnlyList<UnitNode> OpdsOf(UnitTree tree, BoardScope scope) =>
        tree.All.Where(u => u.Kind.IsTopLevel() && u.IsActive && (scope.IsRegency || scope.OpdIds!.Contains(u.Id)))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
}
