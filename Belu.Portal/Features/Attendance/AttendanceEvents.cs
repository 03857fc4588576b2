using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.Attendance;

/// <summary>Someone checked in after the start of work: told to the unit's leaders and the board.</summary>
public sealed record CheckedInLateEvent(int EmployeeId, string EmployeeName, int MinutesLate, DateOnly Date, TimeOnly CheckIn) : PortalEvent
{
    public override string Summary => $"{EmployeeName} terlambat {MinutesLate} menit (masuk {CheckIn:HH\\:mm})";

    public override string? Link => "/absensi/hari-ini";
}

/// <summary>A request was approved or rejected: told to the requester.</summary>
public sealed record RequestDecidedEvent(Guid RequestId, RequestKind RequestKind, bool Approved, DateOnly From, DateOnly To, string DecidedBy) : PortalEvent
{
    public override string Summary =>
        $"Permohonan {RequestKind.Label()} {From:dd/MM/yyyy}–{To:dd/MM/yyyy} {(Approved ? "disetujui" : "ditolak")} oleh {DecidedBy}";

    // The requester's own answer, not the post's business.
    public override bool ReachesActingOfficial => false;

    public override string? Link => "/absensi/permohonan";
}

/// <summary>A request waits for a decision: told to the approver, with a link that opens it to decide.</summary>
public sealed record RequestSubmittedEvent(Guid RequestId, RequestKind RequestKind, DateOnly From, DateOnly To, string RequesterName) : PortalEvent
{
    public override string Summary =>
        $"Permohonan {RequestKind.Label()} {From:dd/MM/yyyy}–{To:dd/MM/yyyy} dari {RequesterName} menunggu keputusan Anda";

    // The wall board names nobody's leave.
    public override string BoardLine => $"Permohonan {RequestKind.Label()} baru diajukan";

    public override string? Link => RequestLinks.Decide(RequestId);
}

/// <summary>A request is still undecided after a working day: the approver is reminded once.</summary>
public sealed record RequestReminderEvent(Guid RequestId, RequestKind RequestKind, DateOnly From, DateOnly To, string RequesterName) : PortalEvent
{
    public override string Summary =>
        $"Pengingat: permohonan {RequestKind.Label()} {From:dd/MM/yyyy}–{To:dd/MM/yyyy} dari {RequesterName} belum Anda putuskan";

    public override string BoardLine => $"Permohonan {RequestKind.Label()} menunggu keputusan lebih dari satu hari kerja";

    public override string? Link => RequestLinks.Decide(RequestId);
}

public static class RequestLinks
{
    /// <summary>The page where the approver reads one request and decides it; opening it answers its notifications.</summary>
    public static string Decide(Guid requestId) => $"/absensi/permohonan/{requestId}";
}
