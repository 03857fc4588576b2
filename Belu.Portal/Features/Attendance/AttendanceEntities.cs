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
}

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

public enum RequestStatus
{
    Diajukan = 0,
    Disetujui = 1,
    Ditolak = 2,
    Dibatalkan = 3,
}

/// <summary>A request for DL, C, S or I over a date range, decided by the direct superior.</summary>
public sealed class AttendanceRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int EmployeeId { get; set; }

    public RequestKind Kind { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public required string Reason { get; set; }

    public string? DocumentKey { get; set; }

    public string? DocumentName { get; set; }

    public string? DocumentContentType { get; set; }

    public RequestStatus Status { get; set; }

    /// <summary>Who is to decide: the direct superior (or the next one up with a portal account).</summary>
    public int? ApproverEmployeeId { get; set; }

    public int? DecidedByEmployeeId { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? DecisionNote { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the approver was reminded of it, still undecided after a working day; set once, so he is reminded once.</summary>
    public DateTime? ReminderSentUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

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

/// <summary>A kiosk code used by an employee: each code checks a person in once, on every instance of the portal.</summary>
public sealed class KioskRedemption
{
    public long Step { get; set; }

    public int EmployeeId { get; set; }
}

/// <summary>Small facts E-Absen keeps between restarts: the last closed day, the kiosk key.</summary>
public sealed class AttendanceState
{
    public const string LastClosedDay = "daily-close.last-day";
    public const string KioskKey = "kiosk.key";

    public required string Key { get; set; }

    public required string Value { get; set; }
}

internal sealed class AttendanceConfiguration :
    IEntityTypeConfiguration<Punch>, IEntityTypeConfiguration<AttendanceDay>, IEntityTypeConfiguration<AttendanceRequest>,
    IEntityTypeConfiguration<Holiday>, IEntityTypeConfiguration<WorkSchedule>, IEntityTypeConfiguration<WorkScheduleDay>,
    IEntityTypeConfiguration<PenaltyRate>, IEntityTypeConfiguration<AttendanceDevice>, IEntityTypeConfiguration<EmployeePin>,
    IEntityTypeConfiguration<AttendanceState>, IEntityTypeConfiguration<KioskRedemption>
{
    public void Configure(EntityTypeBuilder<KioskRedemption> b)
    {
        b.ToTable("KioskRedemptions");
        b.HasKey(k => new { k.Step, k.EmployeeId });
    }

    public void Configure(EntityTypeBuilder<Punch> b)
    {
        b.ToTable("Punches");
        b.HasIndex(p => new { p.EmployeeId, p.AtUtc }).IsUnique();
        b.HasIndex(p => p.AtUtc);
        b.Property(p => p.Pin).HasMaxLength(24);
        b.Property(p => p.IpAddress).HasMaxLength(64);
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }

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

    public void Configure(EntityTypeBuilder<AttendanceRequest> b)
    {
        b.ToTable("AttendanceRequests");
        b.HasIndex(r => new { r.EmployeeId, r.From });
        b.HasIndex(r => new { r.ApproverEmployeeId, r.Status });
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(4);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.DocumentKey).HasMaxLength(200);
        b.Property(r => r.DocumentName).HasMaxLength(200);
        b.Property(r => r.DocumentContentType).HasMaxLength(100);
        b.Property(r => r.DecisionNote).HasMaxLength(1000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }

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

    public void Configure(EntityTypeBuilder<AttendanceState> b)
    {
        b.ToTable("AttendanceState");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Value).HasMaxLength(200);
    }
}
