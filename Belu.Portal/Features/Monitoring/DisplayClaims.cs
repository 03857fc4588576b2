using System.Globalization;
using System.Security.Claims;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.Monitoring;

/// <summary>The claims a wall screen signed in by token carries: its token and its scope.</summary>
public static class DisplayClaims
{
    public const string TokenId = "belu:display_token";
    public const string OpdScope = "belu:board_opds";

    public static ClaimsPrincipal Create(DisplayToken token)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "display:" + token.Id),
            new Claim(ClaimTypes.Name, "layar:" + token.Name),
            new Claim(PortalClaims.DisplayName, token.Name),
            new Claim(ClaimTypes.Role, Roles.Display),
            new Claim(TokenId, token.Id.ToString()),
            new Claim(OpdScope, token.OpdIds ?? ""),
        ], "Identity.Application", ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static Guid? Token(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TokenId), out var id) ? id : null;

    /// <summary>A token's OPD list, or the whole regency for tokens without one and for password-signed display accounts.</summary>
    public static BoardScope Scope(ClaimsPrincipal user) => Parse(user.FindFirstValue(OpdScope));

    public static BoardScope Parse(string? opdIds)
    {
        if (string.IsNullOrWhiteSpace(opdIds))
        {
            return BoardScope.Regency;
        }
        var ids = opdIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToHashSet();
        return new BoardScope(ids);
    }
}
