using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Accounts;

/// <summary>
/// While a circuit is open, re-checks every minute that the account still exists, is still allowed to sign in
/// and has the same security stamp; a deactivated user's open pages lose their session.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        if (Monitoring.DisplayClaims.Token(state.User) is Guid tokenId)
        {
            return await scope.ServiceProvider.GetRequiredService<Monitoring.DisplayTokenService>().IsActiveAsync(tokenId, cancellationToken);
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            return false;
        }
        var principalStamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
