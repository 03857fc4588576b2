using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Notifications.Channels;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>
/// A field punch was rejected, or a withheld one accepted: told to its employee, with the reason of a rejection
/// (docs/domain/field.md, "Review"). On the bell and on the channels he chose for his requests' answers.
/// </summary>
public sealed record FieldPunchReviewedEvent(Guid PunchId, DateTime AtLocal, string AreaName, bool Accepted, string? Reason, string ReviewedBy)
    : PortalEvent, IChannelTopic
{
    public override string Summary => Accepted
        ? $"Absen lapangan Anda {When} di {AreaName} diterima oleh {ReviewedBy} dan kini dihitung"
        : $"Absen lapangan Anda {When} di {AreaName} ditolak oleh {ReviewedBy}: {Reason}";

    private string When => AtLocal.ToString(@"dd\/MM\/yyyy HH\:mm", System.Globalization.CultureInfo.InvariantCulture);

    // His own attendance: neither the post's business nor the room's.
    public override bool ReachesActingOfficial => false;

    public override bool ShowOnBoard => false;

    public override string? Link => "/absensi/lapangan";

    public NotificationTopics Topic => NotificationTopics.Permohonan;
}
