using System.Security.Claims;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Accounts.Sessions;
using Belu.Portal.Features.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Belu.Portal.Features.Notifications;

/// <summary>
/// /hubs/notifications: the same events for non-Blazor clients. A connection joins its own account's group and,
/// for a monitoring screen, the board groups of its scope; nothing else can be joined.
/// </summary>
[Authorize]
public sealed class NotificationsHub(LiveSessions sessions, Metrics.PortalMetrics metrics) : Hub
{
    public static string UserGroup(string userId) => "user:" + userId;

    /// <summary>Boards that watch the whole regency.</summary>
    public const string RegencyBoardGroup = "board:regency";

    /// <summary>Every board, for events that belong to no OPD.</summary>
    public const string EveryBoardGroup = "board:every";

    public static string OpdBoardGroup(int opdId) => "board:opd:" + opdId;

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        // Counted from here to OnDisconnectedAsync, which follows every OnConnectedAsync that returns (an aborted one too).
        var board = user.IsInRole(Roles.Display);
        Context.Items[CountedKey] = board;
        metrics.HubConnected(board);
        try
        {
            await JoinAsync(user);
        }
        catch
        {
            Context.Items.Remove(CountedKey);
            metrics.HubDisconnected(board);
            throw;
        }
    }

    private const string CountedKey = "metrics.counted";

    private async Task JoinAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            Context.Abort();
            return;
        }
        // Revoking the account, the display token or the sign-in session closes this connection at once.
        var context = Context;
        Context.Items[typeof(LiveSessions)] = sessions.Register(user, () => { context.Abort(); return Task.CompletedTask; });
        if (sessions.IsEnded(user))
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        if (user.IsInRole(Roles.Display))
        {
            var scope = DisplayClaims.Scope(user);
            await Groups.AddToGroupAsync(Context.ConnectionId, EveryBoardGroup);
            foreach (var group in scope.IsRegency ? [RegencyBoardGroup] : scope.OpdIds!.Select(OpdBoardGroup))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, group);
            }
        }
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(CountedKey, out var counted) && counted is bool board)
        {
            Context.Items.Remove(CountedKey);
            metrics.HubDisconnected(board);
        }
        if (Context.Items.TryGetValue(typeof(LiveSessions), out var registration) && registration is IDisposable open)
        {
            open.Dispose();
        }
        return base.OnDisconnectedAsync(exception);
    }
}
