using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.Attendance.Devices.Commands;

/// <summary>An approved machine has not been heard from during working hours: a line on the board of the OPD that keeps the machines.</summary>
public sealed record MachineSilentEvent(Guid DeviceId, string DeviceName, int SilentMinutes) : PortalEvent
{
    public override string Summary => $"Mesin sidik jari {DeviceName} tidak terhubung ke portal selama {SilentMinutes} menit pada jam kerja.";

    public override string? Link => $"/admin/absensi/perangkat/{DeviceId}";

    // A machine is not a person: the board's attendance numbers do not move.
    public override bool MovesBoardNumbers => false;
}
