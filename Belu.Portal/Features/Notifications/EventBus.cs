using System.Collections.Concurrent;

namespace Belu.Portal.Features.Notifications;

/// <summary>An event on its way to listeners, with the accounts it concerns and the OPD it belongs to.</summary>
public sealed record EventEnvelope(PortalEvent Event, IReadOnlyList<string> UserIds, int? OpdId);

/// <summary>
/// Carries envelopes to every instance of the portal. In one process it is a list of subscribers; the scale-out
/// issue adds a Redis pub/sub implementation behind the same interface.
/// </summary>
public interface IEventBus
{
    Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken = default);

    IDisposable Subscribe(Func<EventEnvelope, Task> handler);
}

/// <summary>Delivers to the subscribers of this process. A failing subscriber is logged and does not stop the others.</summary>
public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private readonly ConcurrentDictionary<Guid, Func<EventEnvelope, Task>> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken = default)
    {
        foreach (var (id, handler) in _subscribers)
        {
            try
            {
                await handler(envelope);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Subscriber {Subscriber} failed on {EventType} {EventId}", id, envelope.Event.Kind, envelope.Event.Id);
            }
        }
    }

    public IDisposable Subscribe(Func<EventEnvelope, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }
}

/// <summary>Runs its action once, on the first Dispose.</summary>
public sealed class Subscription(Action unsubscribe) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            unsubscribe();
        }
    }
}
