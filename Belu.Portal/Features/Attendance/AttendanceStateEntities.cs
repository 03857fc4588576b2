using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance;

/// <summary>Small facts E-Absen keeps between restarts: the last closed day, the kiosk key.</summary>
public sealed class AttendanceState
{
    public const string LastClosedDay = "daily-close.last-day";
    public const string KioskKey = "kiosk.key";

    public required string Key { get; set; }

    public required string Value { get; set; }
}

internal sealed class AttendanceStateConfiguration : IEntityTypeConfiguration<AttendanceState>
{
    public void Configure(EntityTypeBuilder<AttendanceState> b)
    {
        b.ToTable("AttendanceState");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Value).HasMaxLength(200);
    }
}
