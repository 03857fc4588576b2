using Belu.Portal.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Belu.Portal.Features.Monitoring;

/// <summary>
/// Cookie validation for both kinds of principal: people by their account, employee and security stamp
/// (<see cref="PeopleStampValidator"/>); wall screens by their display token, so a revoked token ends the screen's session.
/// </summary>
internal sealed class PortalSecurityStampValidator(
    PeopleStampValidator people,
    DisplayTokenService tokens) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not null && DisplayClaims.Token(context.Principal) is Guid tokenId)
        {
            if (!await tokens.IsActiveAsync(tokenId))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
            return;
        }
        await people.ValidateAsync(context);
    }
}

internal static class DisplaySignInEndpoints
{
    /// <summary>GET /monitor/masuk/{token}: a TV opens the address once and stays signed in; a bad token gets a blank board, never a login form.</summary>
    public static void MapDisplaySignIn(this WebApplication app)
    {
        app.MapGet("/monitor/masuk/{token}", async (string token, HttpContext http, DisplayTokenService tokens) =>
        {
            var display = await tokens.RedeemAsync(token, http.Connection.RemoteIpAddress?.ToString());
            if (display is null)
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return Results.Redirect("/monitor?status=token-tidak-berlaku");
            }
            await http.SignInAsync(IdentityConstants.ApplicationScheme, DisplayClaims.Create(display), new AuthenticationProperties
            {
                IsPersistent = true,
                ExpiresUtc = DateTimeOffset.UtcNow.AddYears(1),
                AllowRefresh = true,
            });
            return Results.Redirect("/monitor");
        }).AllowAnonymous().DisableAntiforgery();
    }
}
