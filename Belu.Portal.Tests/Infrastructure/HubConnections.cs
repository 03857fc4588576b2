using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Belu.Portal.Tests.Infrastructure;

internal static class HubConnections
{
    /// <summary>
    /// Starts the connection and returns once the server has joined it to its groups. StartAsync returns after the
    /// handshake, while the hub's OnConnectedAsync (which adds the groups) may still be running; the server reads a
    /// connection's first invocation only after OnConnectedAsync, so the answer to one (here a refusal: the hub has
    /// no methods) means the groups are in place and an event published now reaches this connection.
    /// </summary>
    public static async Task StartSubscribedAsync(this HubConnection connection)
    {
        await connection.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribed"));
    }
}
