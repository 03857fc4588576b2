using Belu.Portal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Accounts;

/// <summary>Refuses sign-in for switched-off accounts and for deactivated employees.</summary>
internal sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider time)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>
    /// Every sign-in opens a server-side session whose id the cookie carries; signing out ends it, so a copy of the
    /// cookie is worthless afterwards.
    /// </summary>
    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        var claims = additionalClaims.Where(c => c.Type != Sessions.SessionClaims.SessionId).ToList();
        var session = new Sessions.AccountSession
        {
            UserId = user.Id,
            StartedAtUtc = time.GetUtcNow().UtcDateTime,
            IpAddress = Context.Connection.RemoteIpAddress?.ToString(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.AccountSessions.Add(session);
            await db.SaveChangesAsync();
        }
        claims.Add(new(Sessions.SessionClaims.SessionId, session.Id.ToString()));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        if (!user.IsActive || !await base.CanSignInAsync(user))
        {
            return false;
        }
        if (user.EmployeeId is not int employeeId)
        {
            return true;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Employees.AnyAsync(e => e.Id == employeeId && e.IsActive);
    }
}

/// <summary>Adds the employee id and display name to the cookie.</summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new(PortalClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.EmployeeId is int employeeId)
        {
            identity.AddClaim(new(PortalClaims.EmployeeId, employeeId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
