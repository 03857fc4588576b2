using System.Collections.Concurrent;
using System.Security.Claims;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.Accounts.Sessions;

/// <summary>
/// The open sessions of this instance (hub connections, Blazor circuits, live subscriptions), each under the keys of
/// its principal: its account or display token, and its sign-in session. Revoking a key ends every one of them at once
/// on every instance (the end is carried by the event bus), instead of at the next periodic check.
/// </summary>
public sealed class LiveSessions(IEventBus bus, TimeProvider time, ILogger<LiveSessions> logger)
{
    private readonly ConcurrentDictionary<Guid, (IReadOnlyList<string> Keys, Func<Task> End)> _open = new();

    // Ended sign-in sessions and display tokens, refused on every request of this instance at once.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    public int OpenCount => _open.Count;

    /// <summary>The key of an account (a person's user id, or a screen's "display:{token}").</summary>
    public static string AccountKey(string userId) => "account:" + userId;

    public static string DisplayKey(Guid tokenId) => "account:display:" + tokenId;

    public static string SessionKey(string sessionId) => "session:" + sessionId;

    /// <summary>The keys under which a principal's open sessions are ended.</summary>
    public static IReadOnlyList<string> KeysOf(ClaimsPrincipal user)
    {
        var keys = new List<string>(2);
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is string userId)
        {
            keys.Add(AccountKey(userId));
        }
        if (user.FindFirstValue(SessionClaims.SessionId) is string sessionId)
        {
            keys.Add(SessionKey(sessionId));
        }
        return keys;
    }

    /// <summary>Registers something to end when one of the principal's keys is revoked; dispose it when it closes.</summary>
    public IDisposable Register(ClaimsPrincipal user, Func<Task> end) => Register(KeysOf(user), end);

    public IDisposable Register(IReadOnlyList<string> keys, Func<Task> end)
    {
        if (keys.Count == 0)
        {
            return new Subscription(() => { });
        }
        var id = Guid.NewGuid();
        _open[id] = (keys, end);
        return new Subscription(() => _open.TryRemove(id, out _));
    }

    /// <summary>Has this sign-in session or display token been ended (on any instance, since this one started)?</summary>
    public bool IsEnded(ClaimsPrincipal user)
    {
        if (_ended.IsEmpty)
        {
            return false;
        }
        if (user.FindFirstValue(SessionClaims.SessionId) is string sessionId && _ended.ContainsKey(SessionKey(sessionId)))
        {
            return true;
        }
        return DisplayClaims.Token(user) is Guid token && _ended.ContainsKey(DisplayKey(token));
    }

    /// <summary>Ends the open sessions under these keys on every instance of the portal.</summary>
    public async Task EndAsync(params string[] keys)
    {
        if (keys.Length == 0)
        {
            return;
        }
        var ended = new SessionsEnded { Keys = keys, AtUtc = time.GetUtcNow().UtcDateTime };
        try
        {
            await bus.PublishAsync(new EventEnvelope(ended, [], null));
        }
        catch (Exception ex)
        {
            // The bus (Redis) may be down: end them here at least; other instances catch up at their periodic check.
            logger.LogWarning(ex, "Could not announce the end of sessions to other instances");
        }
        // Idempotent: the bus usually delivered it here already.
        await EndHereAsync(keys);
    }

    /// <summary>Ends what this instance holds under the keys (called for every <see cref="SessionsEnded"/> on the bus).</summary>
    public async Task EndHereAsync(IReadOnlyList<string> keys)
    {
        var now = time.GetUtcNow();
        foreach (var key in keys.Where(k => k.StartsWith("session:", StringComparison.Ordinal) || k.StartsWith("account:display:", StringComparison.Ordinal)))
        {
            _ended[key] = now;
        }
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (id, (openKeys, end)) in _open)
        {
            if (openKeys.Any(wanted.Contains) && _open.TryRemove(id, out _))
            {
                try
                {
                    await end();
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Ending an open session failed");
                }
            }
        }
    }
}

/// <summary>Announces on the bus that the sessions under these keys ended; never stored, never shown.</summary>
public sealed record SessionsEnded : PortalEvent
{
    public IReadOnlyList<string> Keys { get; init; } = [];

    public override string Summary => "";
}

/// <summary>The claim that names a person's sign-in session (one per sign-in, ended by signing out).</summary>
public static class SessionClaims
{
    public const string SessionId = "belu:session";
}
