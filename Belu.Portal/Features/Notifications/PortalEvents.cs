namespace Belu.Portal.Features.Notifications;

/// <summary>
/// Something that happened in the portal that people should hear about: a letter disposed, a late check-in.
/// Features publish each event once, after their change is committed; the notifier stores it for its recipients
/// and fans it out to every open page, hub client and monitoring board that may see it.
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

    /// <summary>The employee the event is about (a late comer); never told of it as one of the unit's leaders.</summary>
    public int? SubjectEmployeeId { get; init; }

    /// <summary>Also tell the leaders (Pimpinan) of <see cref="UnitId"/>, up to the head of its OPD.</summary>
    public virtual bool NotifyUnitLeaders => false;

    /// <summary>
    /// Whether a named recipient's Plh/Plt, in force on the event's day, hears of it too: what reaches a post reaches
    /// whoever holds it (docs/domain/acting.md). A notice about the person himself (his own leave) says no.
    /// </summary>
    public virtual bool ReachesActingOfficial => true;

    /// <summary>One line for a bell, a toast or a ticker, in Bahasa Indonesia.</summary>
    public abstract string Summary { get; }

    /// <summary>
    /// The event as the wall board's ticker says it to a room: a sentence in the third person ("Kepala Dinas
    /// mendisposisikan surat … kepada …"). The same as <see cref="Summary"/> unless the event words it otherwise.
    /// </summary>
    public virtual string BoardLine => Summary;

    /// <summary>Where a click on the notification leads, relative to the site (e.g. "/surat/{id}").</summary>
    public virtual string? Link => null;

    /// <summary>Whether the monitoring boards' ticker hears of it; a notice meant for its recipients alone says no.</summary>
    public virtual bool ShowOnBoard => true;

    /// <summary>
    /// Whether the boards that watch its OPD re-read their numbers: every event they show does; a cue without a line
    /// (someone checked in on time) does too.
    /// </summary>
    public virtual bool MovesBoardNumbers => ShowOnBoard;

    /// <summary>A stable name of the kind of event, for clients and filters.</summary>
    public virtual string Kind => GetType().Name;
}

/// <summary>
/// The one publishing path for domain events, used by every feature. Publishing stores a notification for each
/// recipient and delivers the event to everyone listening (on this instance, and on the others once the
/// scale-out bus is configured).
/// </summary>
public interface IPortalNotifier
{
    Task PublishAsync(PortalEvent portalEvent, CancellationToken cancellationToken = default);

    /// <summary>Receive every event delivered from now on; dispose the subscription to stop.</summary>
    IDisposable Subscribe(Func<PortalEvent, Task> handler);
}
