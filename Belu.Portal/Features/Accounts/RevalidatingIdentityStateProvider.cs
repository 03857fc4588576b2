using System.Security.Claims;
using Belu.Portal.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Accounts;

/// <summary>
/// A circuit's authentication state. It ends at once when the account, its display token or its sign-in session is
/// revoked (<see cref="LiveSessions"/>): the state turns anonymous, so a person's page leaves for the sign-in page and
/// a board goes blank, and nothing more reaches it. As a safety net it also re-checks every minute that the account
/// still exists, may sign in and has the same security stamp.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IOptions<IdentityOptions> _options;
    private readonly LiveSessions _sessions;
    private readonly Lock _lock = new();
    private IDisposable? _registration;

    public RevalidatingIdentityStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        LiveSessions sessions)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _options = options;
        _sessions = sessions;
        AuthenticationStateChanged += OnChanged;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    private void OnChanged(Task<AuthenticationState> task) => _ = WatchAsync(task);

    private async Task WatchAsync(Task<AuthenticationState> task)
    {
        var user = (await task).User;
        lock (_lock)
        {
            _registration?.Dispose();
            _registration = user.Identity?.IsAuthenticated == true
                ? _sessions.Register(user, () => { SetAuthenticationState(Task.FromResult(Anonymous)); return Task.CompletedTask; })
                : null;
        }
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (_sessions.IsEnded(state.User))
        {
            return false;
        }
        await using var scope = _scopeFactory.CreateAsyncScope();
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
        var principalStamp = state.User.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= OnChanged;
            lock (_lock)
            {
                _registration?.Dispose();
                _registration = null;
            }
        }
        base.Dispose(disposing);
    }
}
