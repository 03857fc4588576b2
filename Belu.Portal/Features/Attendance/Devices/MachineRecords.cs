using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>Where an ADMS machine stands with the admin.</summary>
public enum MachineApproval
{
    /// <summary>Seen (or registered) but not approved: nothing it sends is stored.</summary>
    Menunggu = 0,

    Disetujui = 1,

    Diblokir = 2,
}

public enum MachineLineStatus
{
    /// <summary>Refused on arrival (unknown PIN, outside the window, unreadable, ...).</summary>
    Ditolak = 0,

    /// <summary>For a day already closed: waits for an admin (koreksi dari mesin).</summary>
    Menunggu = 1,

    /// <summary>Accepted by an admin: stored as a punch, the day re-classified.</summary>
    Diterima = 2,

    /// <summary>Rejected by an admin.</summary>
    Dibatalkan = 3,
}

/// <summary>A line a machine sent that did not go straight into the punches: refused, or parked for review.</summary>
public sealed class MachineLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DeviceId { get; set; }

    public PunchSource Source { get; set; }

    public DateTime ReceivedUtc { get; set; }

    public string? Pin { get; set; }

    public int? EmployeeId { get; set; }

    /// <summary>The punch time the line carries, when it could be read.</summary>
    public DateTime? AtUtc { get; set; }

    public MachineLineStatus Status { get; set; }

    public required string Reason { get; set; }

    public string? Address { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecisionNote { get; set; }
}

public enum MachineEventKind
{
    /// <summary>An unknown SN made contact; it now waits for approval.</summary>
    KontakPertama = 0,

    /// <summary>An upload from a machine not (yet) approved.</summary>
    BelumDisetujui = 1,

    /// <summary>A request from a blocked or revoked machine.</summary>
    Diblokir = 2,

    /// <summary>An approved SN from an address outside its network: refused.</summary>
    DiLuarJaringan = 3,

    /// <summary>An approved SN from a new address inside its network.</summary>
    AlamatBaru = 4,

    /// <summary>Many lines for closed days in one upload.</summary>
    LonjakanMundur = 5,
}

/// <summary>
/// Something about a machine an admin should see. Repeats of one kind from one address within an hour are one row
/// with a count, so a machine retrying every 30 s (or someone hammering the endpoint) does not fill the table.
/// </summary>
public sealed class MachineEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DeviceId { get; set; }

    public MachineEventKind Kind { get; set; }

    public string? Address { get; set; }

    public DateTime FirstUtc { get; set; }

    public DateTime LastUtc { get; set; }

    public int Count { get; set; } = 1;

    /// <summary>Lines carried by the refused uploads, or parked in the burst.</summary>
    public int Lines { get; set; }
}

internal sealed class MachineRecordsConfiguration : IEntityTypeConfiguration<MachineLine>, IEntityTypeConfiguration<MachineEvent>
{
    public void Configure(EntityTypeBuilder<MachineLine> b)
    {
        b.ToTable("MachineLines");
        b.HasIndex(l => new { l.DeviceId, l.ReceivedUtc });
        b.HasIndex(l => new { l.Status, l.ReceivedUtc });
        b.HasIndex(l => new { l.EmployeeId, l.AtUtc });
        b.Property(l => l.Pin).HasMaxLength(24);
        b.Property(l => l.Reason).HasMaxLength(500);
        b.Property(l => l.Address).HasMaxLength(64);
        b.Property(l => l.DecidedBy).HasMaxLength(256);
        b.Property(l => l.DecisionNote).HasMaxLength(500);
        b.HasOne<AttendanceDevice>().WithMany().HasForeignKey(l => l.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MachineEvent> b)
    {
        b.ToTable("MachineEvents");
        b.HasIndex(e => new { e.DeviceId, e.Kind, e.LastUtc });
        b.HasIndex(e => e.LastUtc);
        b.Property(e => e.Address).HasMaxLength(64);
        b.HasOne<AttendanceDevice>().WithMany().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
