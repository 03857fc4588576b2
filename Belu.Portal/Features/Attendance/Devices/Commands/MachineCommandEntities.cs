using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance.Devices.Commands;

/// <summary>Where a command stands: queued → sent (handed out on a poll) → done or failed (the machine's answer).</summary>
public enum MachineCommandState
{
    Antre = 0,

    Terkirim = 1,

    Selesai = 2,

    Gagal = 3,
}

/// <summary>A command an admin queued for a machine. Its <see cref="Id"/> is the number the machine answers with.</summary>
public sealed class MachineCommand
{
    public int Id { get; set; }

    public Guid DeviceId { get; set; }

    public MachineCommandKind Kind { get; set; }

    /// <summary>The command as it is (or was) handed out, without its <c>C:id:</c>. A clock command is written when sent.</summary>
    public required string Text { get; set; }

    /// <summary>The employee a user command is about.</summary>
    public int? EmployeeId { get; set; }

    /// <summary>What the admin reads: "PIN 1987… Budi", "01/12/2026–03/12/2026".</summary>
    public required string Subject { get; set; }

    public MachineCommandState State { get; set; }

    /// <summary>The machine's <c>Return</c> code: 0 is success, a negative number an error.</summary>
    public int? ReturnCode { get; set; }

    public DateTime QueuedUtc { get; set; }

    public required string QueuedBy { get; set; }

    public DateTime? SentUtc { get; set; }

    public DateTime? AnsweredUtc { get; set; }
}

/// <summary>What a machine last said of itself, and the watch kept on it. One row per machine, made on first need.</summary>
public sealed class MachineStatus
{
    public Guid DeviceId { get; set; }

    public string? Firmware { get; set; }

    public int? Users { get; set; }

    public int? Fingerprints { get; set; }

    public int? Logs { get; set; }

    /// <summary>When the counts above were reported.</summary>
    public DateTime? InfoUtc { get; set; }

    /// <summary>The machine's clock minus the server's, from its last reading (seconds; positive: fast).</summary>
    public int? ClockDriftSeconds { get; set; }

    public DateTime? ClockReadUtc { get; set; }

    /// <summary>When a silence was last announced: the same silence is announced once.</summary>
    public DateTime? SilentAnnouncedUtc { get; set; }
}

internal sealed class MachineCommandConfiguration : IEntityTypeConfiguration<MachineCommand>, IEntityTypeConfiguration<MachineStatus>
{
    public void Configure(EntityTypeBuilder<MachineCommand> b)
    {
        b.ToTable("MachineCommands");
        b.HasIndex(c => new { c.DeviceId, c.State, c.Id });
        b.HasIndex(c => new { c.DeviceId, c.QueuedUtc });
        b.Property(c => c.Text).HasMaxLength(500);
        b.Property(c => c.Subject).HasMaxLength(200);
        b.Property(c => c.QueuedBy).HasMaxLength(256);
        b.HasOne<AttendanceDevice>().WithMany().HasForeignKey(c => c.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MachineStatus> b)
    {
        b.ToTable("MachineStatuses");
        b.HasKey(s => s.DeviceId);
        b.Property(s => s.Firmware).HasMaxLength(100);
        b.HasOne<AttendanceDevice>().WithOne().HasForeignKey<MachineStatus>(s => s.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
