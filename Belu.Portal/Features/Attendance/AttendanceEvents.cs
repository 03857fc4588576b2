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

    public override string? Link => "/absensi/permohonan";
}
