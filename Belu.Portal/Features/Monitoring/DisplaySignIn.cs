using Belu.Portal.Features.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
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
    DisplayTokenService tokens,
    Accounts.Sessions.LiveSessions sessions) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not null && DisplayClaims.Token(context.Principal) is Guid tokenId)
        {
            if (sessions.IsEnded(context.Principal) || !await tokens.IsActiveAsync(tokenId))
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
    /// <summary>
    /// GET /monitor/masuk/{token} only shows a page; the sign-in is its POST, with the antiforgery token, so a link on
    /// another site can neither sign anyone out nor swap a staff member's session for a screen's. A screen (nobody
    /// signed in, or already a screen) submits the page by itself; a signed-in person is asked first.
    /// </summary>
    public static void MapDisplaySignIn(this WebApplication app)
    {
        app.MapGet("/monitor/masuk/{token}", (string token, HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var person = IsPerson(http.User) ? http.User.FindFirstValue(PortalClaims.DisplayName) ?? http.User.Identity!.Name : null;
            return Results.Content(DisplaySignInPage.Render(token, tokens.FormFieldName, tokens.RequestToken!, person), "text/html; charset=utf-8");
        }).AllowAnonymous();

        app.MapPost("/monitor/masuk", async (HttpContext http, IAntiforgery antiforgery, DisplayTokenService tokens, TimeProvider time) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(title: "Permintaan tidak sah",
                    detail: "Formulir layar tidak berasal dari portal ini. Buka kembali alamat layar monitor.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
            var form = await http.Request.ReadFormAsync();
            if (IsPerson(http.User) && form["ganti"] != "ya")
            {
                // A person's session is replaced only when they chose it on the page.
                return Results.Redirect("/");
            }
            var display = await tokens.RedeemAsync(form["token"].ToString(), http.Connection.RemoteIpAddress?.ToString());
            if (display is null)
            {
                if (!IsPerson(http.User))
                {
                    await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
                return Results.Redirect("/monitor?status=token-tidak-berlaku");
            }
            await http.SignInAsync(IdentityConstants.ApplicationScheme, DisplayClaims.Create(display), new AuthenticationProperties
            {
                IsPersistent = true,
                ExpiresUtc = time.GetUtcNow().AddYears(1),
                AllowRefresh = true,
            });
            return Results.Redirect("/monitor");
        }).AllowAnonymous().DisableAntiforgery();
    }

    private static bool IsPerson(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && DisplayClaims.Token(user) is null;
}
