using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance;

public enum HolidayKind
{
    LiburNasional = 0,
    CutiBersama = 1,
    LiburDaerah = 2,
}

public sealed class Holiday
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }

    public HolidayKind Kind { get; set; }
}

/// <summary>Working hours for a unit (or everyone when <see cref="UnitId"/> is null), standing or for a date range.</summary>
public sealed class WorkSchedule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public int? UnitId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public TimeOnly CheckInFrom { get; set; }

    public TimeOnly CheckInUntil { get; set; }

    public TimeOnly CheckOutUntil { get; set; }

    public List<WorkScheduleDay> Days { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    public ScheduleEntry ToEntry() => new(Id, Name, UnitId, From, To,
        new WeekSchedule(Days.ToDictionary(d => d.DayOfWeek, d => new DayHours(d.Start, d.End)), CheckInFrom, CheckInUntil, CheckOutUntil));
}

public sealed class WorkScheduleDay
{
    public int Id { get; set; }

    public Guid WorkScheduleId { get; set; }

    public DayOfWeek DayOfWeek { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
}

/// <summary>The admin's penalty table: TPP deduction percent per code.</summary>
public sealed class PenaltyRate
{
    public AttendanceCode Code { get; set; }

    public decimal Percent { get; set; }
}

internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<Holiday>, IEntityTypeConfiguration<WorkSchedule>, IEntityTypeConfiguration<WorkScheduleDay>, IEntityTypeConfiguration<PenaltyRate>
{
    public void Configure(EntityTypeBuilder<Holiday> b)
    {
        b.ToTable("Holidays");
        b.HasIndex(h => h.Date).IsUnique();
        b.Property(h => h.Name).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<WorkSchedule> b)
    {
        b.ToTable("WorkSchedules");
        b.Property(s => s.Name).HasMaxLength(200);
        b.HasIndex(s => s.UnitId);
        b.HasMany(s => s.Days).WithOne().HasForeignKey(d => d.WorkScheduleId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<WorkScheduleDay> b)
    {
        b.ToTable("WorkScheduleDays");
        b.HasIndex(d => new { d.WorkScheduleId, d.DayOfWeek }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PenaltyRate> b)
    {
        b.ToTable("PenaltyRates");
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasConversion<string>().HasMaxLength(8);
        b.Property(p => p.Percent).HasPrecision(6, 2);
    }
}
