using System.Collections.Concurrent;
using System.Security.Claims;
using Belu.Portal.Features.Accounts.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Belu.Portal.Features.Notifications;

/// <summary>What an open page or hub client receives for one of its notifications.</summary>
public sealed record LiveNotification(Guid EventId, string Kind, string Text, string? Link, DateTime AtUtc);

/// <summary>
/// This instance's listeners. One subscription to the bus fans each envelope out to the Blazor components of
/// the accounts it concerns, to the monitoring boards whose scope covers it, and to the SignalR hub's groups.
/// Components subscribe in OnAfterRenderAsync and dispose their subscription when they go.
/// </summary>
public sealed class LiveFeed : IHostedService
{
    private readonly IEventBus _bus;
    private readonly IHubContext<NotificationsHub> _hub;
    private readonly ILogger<LiveFeed> _logger;
    private readonly LiveSessions _sessions;
    private readonly Metrics.PortalMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Guid, (string UserId, Func<LiveNotification, Task> Handler)> _users = new();
    private readonly ConcurrentDictionary<Guid, (BoardScope Scope, Func<EventEnvelope, Task> Handler)> _boards = new();
    private readonly RecentIds _recent = new(4096);
    private IDisposable? _subscription;

    public LiveFeed(IEventBus bus, IHubContext<NotificationsHub> hub, LiveSessions sessions, Metrics.PortalMetrics metrics, TimeProvider time,
        ILogger<LiveFeed> logger)
    {
        _bus = bus;
        _metrics = metrics;
        _time = time;
        _sessions = sessions;
        _hub = hub;
        _logger = logger;
    }

    public int ListenerCount => _users.Count + _boards.Count;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _bus.Subscribe(DeliverAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Notifications for one account, as they happen.</summary>
    /// <remarks>The subscription ends by itself, before the next event, when the account's sessions are revoked.</remarks>
    public IDisposable SubscribeUser(string userId, Func<LiveNotification, Task> handler)
    {
        var id = Guid.NewGuid();
        _users[id] = (userId, handler);
        var revocation = _sessions.Register([LiveSessions.AccountKey(userId)], () => { _users.TryRemove(id, out _); return Task.CompletedTask; });
        return new Subscription(() => { _users.TryRemove(id, out _); revocation.Dispose(); });
    }

    /// <summary>
    /// Every event within a board's scope that moves its numbers, as it happens, for as long as the watcher's session
    /// lasts; those with <see cref="PortalEvent.ShowOnBoard"/> also have a ticker line.
    /// </summary>
    public IDisposable SubscribeBoard(BoardScope scope, ClaimsPrincipal watcher, Func<EventEnvelope, Task> handler)
    {
        var id = Guid.NewGuid();
        _boards[id] = (scope, handler);
        var revocation = _sessions.Register(watcher, () => { _boards.TryRemove(id, out _); return Task.CompletedTask; });
        return new Subscription(() => { _boards.TryRemove(id, out _); revocation.Dispose(); });
    }

    private async Task DeliverAsync(EventEnvelope envelope)
    {
        var e = envelope.Event;
        if (e is SessionsEnded ended)
        {
            await _sessions.EndHereAsync(ended.Keys);
            return;
        }
        if (!_recent.TryAdd(e.Id))
        {
            // Already delivered here (the same event arrived over two paths).
            return;
        }
        if (await PushAsync(envelope))
        {
            // Push latency: from the event's moment, stamped in the transaction that committed it, to its last send here.
            _metrics.PushDelivered(_time.GetUtcNow().UtcDateTime - e.AtUtc);
        }
    }

    /// <summary>Sends the event to this instance's listeners; false when it concerned nobody (no person, no board).</summary>
    private async Task<bool> PushAsync(EventEnvelope envelope)
    {
        var e = envelope.Event;
        var message = new LiveNotification(e.Id, e.Kind, e.Summary, e.Link, e.AtUtc);
        if (envelope.UserIds.Count > 0)
        {
            var users = envelope.UserIds.ToHashSet(StringComparer.Ordinal);
            foreach (var (id, (userId, handler)) in _users)
            {
                if (users.Contains(userId))
                {
                    await SafelyAsync(id, () => handler(message));
                }
            }
            await _hub.Clients.Groups(envelope.UserIds.Select(NotificationsHub.UserGroup).ToList()).SendAsync("notification", message);
        }

        if (!e.MovesBoardNumbers)
        {
            return envelope.UserIds.Count > 0;
        }
        foreach (var (id, (scope, handler)) in _boards)
        {
            if (scope.Covers(envelope.OpdId))
            {
                await SafelyAsync(id, () => handler(envelope));
            }
        }
        if (!e.ShowOnBoard)
        {
            return true;
        }
        // Regency-wide events go to every board; an OPD's events to regency boards and that OPD's boards.
        IReadOnlyList<string> boardGroups = envelope.OpdId is int opd
            ? [NotificationsHub.RegencyBoardGroup, NotificationsHub.OpdBoardGroup(opd)]
            : [NotificationsHub.EveryBoardGroup];
        await _hub.Clients.Groups(boardGroups).SendAsync("event", new BoardEvent(e.Id, e.Kind, e.BoardLine, e.AtUtc, envelope.OpdId));
        return true;
    }

    private async Task SafelyAsync(Guid listener, Func<Task> deliver)
    {
        try
        {
            await deliver();
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Live listener {Listener} failed; it stays subscribed", listener);
        }
    }
}

/// <summary>What a board (Blazor or hub client) receives: the event's line, without personal detail.</summary>
public sealed record BoardEvent(Guid EventId, string Kind, string Text, DateTime AtUtc, int? OpdId);

/// <summary>Which OPD a monitoring board watches: the whole regency, or some OPD.</summary>
public sealed record BoardScope(IReadOnlySet<int>? OpdIds)
{
    public static readonly BoardScope Regency = new((IReadOnlySet<int>?)null);

    public bool IsRegency => OpdIds is null;

    /// <summary>Regency-wide events (no OPD) reach every board; an OPD's events only the boards that watch it.</summary>
    public bool Covers(int? opdId) => OpdIds is null || opdId is null || OpdIds.Contains(opdId.Value);
}

/// <summary>A bounded set of the most recent ids, to deliver each event once.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<Guid> _set = [];
    private readonly Queue<Guid> _order = new();
    private readonly Lock _lock = new();

    public bool TryAdd(Guid id)
    {
        lock (_lock)
        {
            if (!_set.Add(id))
            {
                return false;
            }
            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _set.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
