using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance;

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

    /// <summary>"Plh. Kepala Dinas …" when an acting official decided it in the approver's stead, as it was that day.</summary>
    public string? DecidedAs { get; set; }

    public string? DecisionNote { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the approver was reminded of it, still undecided after a working day; set once, so he is reminded once.</summary>
    public DateTime? ReminderSentUtc { get; set; }

    /// <summary>The signed Surat Tugas this DL comes from, when the letter ordered it rather than the employee asking.</summary>
    public Guid? SignedLetterId { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class RequestConfiguration : IEntityTypeConfiguration<AttendanceRequest>
{
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
        b.Property(r => r.DecidedAs).HasMaxLength(220);
        b.Property(r => r.Version).IsConcurrencyToken();
        // One DL per letter and employee: recording a Surat Tugas twice adds nothing (NULLs never collide).
        b.HasIndex(r => new { r.SignedLetterId, r.EmployeeId }).IsUnique();
        b.HasOne<ElectronicLetters.SignedLetter>().WithMany().HasForeignKey(r => r.SignedLetterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
