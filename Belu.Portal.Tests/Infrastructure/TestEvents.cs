using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>An event shaped like the features' own, for testing the delivery path.</summary>
public sealed record TestEvent(string Text) : PortalEvent
{
    public bool Leaders { get; init; }

    public override bool NotifyUnitLeaders => Leaders;

    public override string Summary => Text;

    public override string? Link => "/notifikasi";
}
