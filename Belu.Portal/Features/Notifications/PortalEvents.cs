using System.Collections.Concurrent;

namespace Belu.Portal.Features.Notifications;

/// <summary>
/// Something that happened in the portal that people should hear about: a letter disposed, a late check-in.
/// Features publish each event once, after their change is committed; the notifier fans it out.
/// </summary>
public abstract record PortalEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>When it happened (UTC).</summary>
    public DateTime AtUtc { get; init; }

    /// <summary>Employees who must be told personally (a disposition's recipients, the requester...).</summary>
    public IReadOnlyList<int> RecipientEmployeeIds { get; init; } = [];

    /// <summary>The unit the event belongs to: its leaders and the monitoring boards whose scope covers it hear of it.</summary>
    public int? UnitId { get; init; }

    /// <summary>One line for a bell, a toast or a ticker, in Bahasa Indonesia.</summary>
    public abstract string Summary { get; }

    /// <summary>Where a click on the notification leads, relative to the site (e.g. "/surat/{id}").</summary>
    public virtual string? Link => null;
}

/// <summary>
/// The one publishing path for domain events. In-process today; the scale-out issue adds a Redis-backed
/// implementation behind the same interface, so events reach users connected to other instances.
/// </summary>
public interface IPortalNotifier
{
    Task PublishAsync(PortalEvent portalEvent, CancellationToken cancellationToken = default);

    /// <summary>Receive every event published from now on; dispose the subscription to stop.</summary>
    IDisposable Subscribe(Func<PortalEvent, Task> handler);
}

/// <summary>Fans events out to the subscribers of this process. A failing subscriber is logged and does not stop the others.</summary>
public sealed class InProcessNotifier(ILogger<InProcessNotifier> logger) : IPortalNotifier
{
    private readonly ConcurrentDictionary<Guid, Func<PortalEvent, Task>> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public async Task PublishAsync(PortalEvent portalEvent, CancellationToken cancellationToken = default)
    {
        foreach (var (id, handler) in _subscribers)
        {
            try
            {
                await handler(portalEvent);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Subscriber {Subscriber} failed on {EventType} {EventId}", id, portalEvent.GetType().Name, portalEvent.Id);
            }
        }
    }

    public IDisposable Subscribe(Func<PortalEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
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
}

public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InProcessNotifier>();
        builder.Services.AddSingleton<IPortalNotifier>(sp => sp.GetRequiredService<InProcessNotifier>());
        return builder;
    }
}
