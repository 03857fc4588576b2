using System.Security.Claims;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Which screen a kiosk code belongs to (docs/decisions/0014): a screen signed in by display token is
/// <c>t{token id}</c>, a display account (or an admin trying the kiosk) is <c>a{account id}</c>. The key is signed into
/// every code; when a code is scanned, the screen's scope is read again from the database, so a revoked token or an
/// account that lost its role stops its codes at once.
/// </summary>
public static class KioskScreens
{
    /// <summary>The key of the screen this session is, or null when the session may not show kiosk codes.</summary>
    public static string? KeyOf(ClaimsPrincipal user)
    {
        if (DisplayClaims.Token(user) is Guid token)
        {
            return "t" + token.ToString("N");
        }
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return (user.IsInRole(Roles.Display) || user.IsInRole(Roles.Admin)) && KioskCodes.IsDisplayKey("a" + id) ? "a" + id : null;
    }

    /// <summary>The scope of the screen <paramref name="key"/> today, or null when that screen may no longer show codes.</summary>
    public static async Task<BoardScope?> ScopeAsync(PortalDbContext db, string key, CancellationToken ct)
    {
        if (key.StartsWith('t') && Guid.TryParseExact(key[1..], "N", out var tokenId))
        {
            var token = await db.DisplayTokens.AsNoTracking().Where(t => t.Id == tokenId && t.RevokedAtUtc == null)
                .Select(t => new { t.OpdIds }).FirstOrDefaultAsync(ct);
            return token is null ? null : DisplayClaims.Parse(token.OpdIds);
        }
        if (key.StartsWith('a'))
        {
            var userId = key[1..];
            var allowed = await db.UserRoles.Where(ur => ur.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
                .AnyAsync(name => name == Roles.Display || name == Roles.Admin, ct);
            // A display account's board is the whole regency (DisplayClaims.Scope), and so is its kiosk.
            return allowed ? BoardScope.Regency : null;
        }
        return null;
    }
}
