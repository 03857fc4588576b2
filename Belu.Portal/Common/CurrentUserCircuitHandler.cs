using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Belu.Portal.Common;

/// <summary>Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state.</summary>
internal sealed class CurrentUserCircuitHandler(
    AuthenticationStateProvider authenticationStateProvider,
    CurrentUser currentUser,
    IHttpContextAccessor httpContextAccessor) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        // The circuit's SignalR connection carries the browser's address.
        currentUser.Set(state.User, httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString());
        currentUser.ReadActingChoice(httpContextAccessor.HttpContext);
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = UpdateAsync(task);

    private async Task UpdateAsync(Task<AuthenticationState> task)
    {
        var state = await task;
        currentUser.Set(state.User);
    }

    public void Dispose() =>
        authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;
}
