using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance;

/// <summary>A closed day of one employee: the code, its minutes and its deduction, as the daily close or a correction left it.</summary>
public sealed class AttendanceDay
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int EmployeeId { get; set; }

    public DateOnly Date { get; set; }

    public AttendanceCode Code { get; set; }

    public AttendanceCode? LateCode { get; set; }

    public AttendanceCode? EarlyCode { get; set; }

    public int LateMinutes { get; set; }

    public int EarlyMinutes { get; set; }

    public TimeOnly? CheckIn { get; set; }

    public TimeOnly? CheckOut { get; set; }

    public decimal DeductionPercent { get; set; }

    public bool IsClosed { get; set; }

    /// <summary>The code an administrator set, overriding the classifier; the reason is in the audit trail and here.</summary>
    public AttendanceCode? CorrectedCode { get; set; }

    public string? CorrectionReason { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DayResult ToResult() => new(Code, LateCode, EarlyCode, LateMinutes, EarlyMinutes, CheckIn, CheckOut);

    /// <summary>Copies a result in; true when anything changed.</summary>
    public bool Apply(DayResult r, decimal deduction)
    {
        var changed = Code != r.Code || LateCode != r.Late || EarlyCode != r.Early || LateMinutes != r.LateMinutes
            || EarlyMinutes != r.EarlyMinutes || CheckIn != r.CheckIn || CheckOut != r.CheckOut || DeductionPercent != deduction;
        (Code, LateCode, EarlyCode, LateMinutes, EarlyMinutes, CheckIn, CheckOut, DeductionPercent) =
            (r.Code, r.Late, r.Early, r.LateMinutes, r.EarlyMinutes, r.CheckIn, r.CheckOut, deduction);
        return changed;
    }
}

internal sealed class AttendanceDayConfiguration : IEntityTypeConfiguration<AttendanceDay>
{
    public void Configure(EntityTypeBuilder<AttendanceDay> b)
    {
        b.ToTable("AttendanceDays");
        b.HasIndex(d => new { d.EmployeeId, d.Date }).IsUnique();
        b.HasIndex(d => new { d.Date, d.Code });
        b.Property(d => d.Code).HasConversion<string>().HasMaxLength(8);
        b.Property(d => d.LateCode).HasConversion<string>().HasMaxLength(8);
        b.Property(d => d.EarlyCode).HasConversion<string>().HasMaxLength(8);
        b.Property(d => d.CorrectedCode).HasConversion<string>().HasMaxLength(8);
        b.Property(d => d.DeductionPercent).HasPrecision(6, 2);
        b.Property(d => d.CorrectionReason).HasMaxLength(500);
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(d => d.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
