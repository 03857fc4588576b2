using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance;

public enum PunchSource
{
    Web = 0,
    Kiosk = 1,
    Adms = 2,
    DeviceApi = 3,
    Import = 4,
}

/// <summary>One punch (a check-in or check-out moment) from any source, stored once per person and second.</summary>
public sealed class Punch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int EmployeeId { get; set; }

    public DateTime AtUtc { get; set; }

    public PunchSource Source { get; set; }

    public Guid? DeviceId { get; set; }

    /// <summary>The PIN the machine or file used, when it was not the NIP.</summary>
    public string? Pin { get; set; }

    public DateTime RecordedUtc { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>Kept but not counted for its day: a flagged field punch not yet accepted, or one its reviewer rejected.</summary>
    public bool Withheld { get; set; }
}

/// <summary>A kiosk code used by an employee: each code checks a person in once, on every instance of the portal.</summary>
public sealed class KioskRedemption
{
    public long Step { get; set; }

    public int EmployeeId { get; set; }
}

internal sealed class PunchConfiguration : IEntityTypeConfiguration<Punch>, IEntityTypeConfiguration<KioskRedemption>
{
    public void Configure(EntityTypeBuilder<Punch> b)
    {
        b.ToTable("Punches");
        b.HasIndex(p => new { p.EmployeeId, p.AtUtc }).IsUnique();
        b.HasIndex(p => p.AtUtc);
        b.Property(p => p.Pin).HasMaxLength(24);
        b.Property(p => p.IpAddress).HasMaxLength(64);
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<KioskRedemption> b)
    {
        b.ToTable("KioskRedemptions");
        b.HasKey(k => new { k.Step, k.EmployeeId });
    }
}
