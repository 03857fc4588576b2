using System.Security.Claims;
using Belu.Portal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Accounts;

/// <summary>
/// The check of a person's cookie, at most once per <c>Accounts:SessionCheckInterval</c>. Like the open pages'
/// revalidation, it ends the session of an account that was switched off, whose employee was deactivated, or whose
/// security stamp changed (a role change or a deactivation renews it). A cookie that passes keeps its claims and is
/// renewed: roles and the employee link only change together with the stamp, so they still hold.
/// </summary>
/// <remarks>
/// Identity's own validator read the user, then rebuilt the principal from the store (the user's claims, roles, and
/// each role with its claims), and the sign-in rules read the employee: six queries on two contexts. At a morning
/// rush nearly every web check-in is its person's first request in hours and pays the check, so it is one compiled
/// query here.
/// </remarks>
internal sealed class PeopleStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    IOptions<IdentityOptions> identity,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider time,
    Sessions.LiveSessions liveSessions,
    ILogger<PeopleStampValidator> logger)
{
    private sealed record Session(string? Stamp, bool CanSignIn, bool SignInOpen);

    // The same rules as PortalSignInManager.CanSignInAsync (no confirmation is required of accounts here), and the
    // sign-in session the cookie names must not have been ended by signing out.
    private static readonly PerModel<Func<PortalDbContext, string, Guid, CancellationToken, Task<Session?>>> SessionOf = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, string userId, Guid sessionId, CancellationToken ct) => db.Users
            .Where(u => u.Id == userId)
            .Select(u => new Session(u.SecurityStamp, u.IsActive && (u.EmployeeId == null || u.Employee!.IsActive),
                db.AccountSessions.Any(s => s.Id == sessionId && s.UserId == userId && s.EndedAtUtc == null)))
            .FirstOrDefault()));

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // A session signed out (here or on another instance) is refused on its very next request.
        if (context.Principal is not null && liveSessions.IsEnded(context.Principal))
        {
            await RejectAsync(context);
            return;
        }
        var now = time.GetUtcNow();
        if (context.Properties.IssuedUtc is DateTimeOffset issued && now - issued <= options.Value.ValidationInterval)
        {
            return;
        }
        var claims = identity.Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        Session? session = null;
        // A cookie without a session id predates server-side sessions (or was not made by a sign-in): refused.
        if (userId is not null && Guid.TryParse(context.Principal?.FindFirstValue(Sessions.SessionClaims.SessionId), out var sessionId))
        {
            await using var db = await dbFactory.CreateDbContextAsync(context.HttpContext.RequestAborted);
            session = await SessionOf.For(db)(db, userId, sessionId, context.HttpContext.RequestAborted);
        }
        if (session is { CanSignIn: true, SignInOpen: true } && session.Stamp == stamp)
        {
            context.ShouldRenew = true;
            if (!context.Options.SlidingExpiration)
            {
                // As Identity does: a renewal without sliding expiry does not lengthen the session.
                context.Properties.IssuedUtc = now;
            }
            return;
        }
        logger.LogDebug("Session of user {UserId} ended at its check: account off, employee inactive, stamp changed or signed out.", userId);
        await RejectAsync(context);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
