using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance;

public enum DeviceKind
{
    /// <summary>A ZKTeco-type machine speaking the ADMS push protocol, known by its serial number.</summary>
    Adms = 0,

    /// <summary>Another machine or a bridge using the JSON endpoint with an API key.</summary>
    Api = 1,
}

public sealed class AttendanceDevice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public DeviceKind Kind { get; set; }

    public string? SerialNumber { get; set; }

    /// <summary>SHA-256 of the API key, hex; the key itself is shown once and never stored.</summary>
    public string? KeyHash { get; set; }

    /// <summary>The key's first characters, so the admin can tell keys apart.</summary>
    public string? KeyHint { get; set; }

    /// <summary>The site the device stands in: it may punch only employees of this unit's tree. Null: everyone.</summary>
    public int? UnitId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public DateTime? LastSeenUtc { get; set; }

    /// <summary>ADMS machines: punches count only once an admin has approved the machine (its SN alone proves nothing).</summary>
    public MachineApproval Approval { get; set; }

    /// <summary>ADMS machines: the networks (addresses or CIDR, comma-separated) an approved machine may send from.</summary>
    public string? AllowedNetwork { get; set; }

    /// <summary>The address the machine last came from (approved or not).</summary>
    public string? LastAddress { get; set; }

    public DateTime? ApprovedUtc { get; set; }

    public string? ApprovedBy { get; set; }
}

/// <summary>A machine PIN that is not the NIP (contract staff, machines with short PINs).</summary>
public sealed class EmployeePin
{
    public int Id { get; set; }

    public required string Pin { get; set; }

    public int EmployeeId { get; set; }
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<AttendanceDevice>, IEntityTypeConfiguration<EmployeePin>
{
    public void Configure(EntityTypeBuilder<AttendanceDevice> b)
    {
        b.ToTable("AttendanceDevices");
        b.Property(d => d.Name).HasMaxLength(200);
        b.Property(d => d.SerialNumber).HasMaxLength(64);
        b.HasIndex(d => d.SerialNumber).IsUnique();
        b.Property(d => d.KeyHash).HasMaxLength(64);
        b.HasIndex(d => d.KeyHash).IsUnique();
        b.Property(d => d.KeyHint).HasMaxLength(16);
        b.Property(d => d.AllowedNetwork).HasMaxLength(300);
        b.Property(d => d.LastAddress).HasMaxLength(64);
        b.Property(d => d.ApprovedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<EmployeePin> b)
    {
        b.ToTable("EmployeePins");
        b.Property(p => p.Pin).HasMaxLength(24);
        b.HasIndex(p => p.Pin).IsUnique();
        b.HasIndex(p => p.EmployeeId);
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}
