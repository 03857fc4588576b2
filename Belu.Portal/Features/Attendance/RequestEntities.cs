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

    /// <summary>The kind of cuti (kind C only); null on requests made before leave kinds existed.</summary>
    public Leave.Domain.LeaveKind? LeaveKind { get; set; }

    /// <summary>Alamat selama menjalankan cuti, as the leave form asks for it.</summary>
    public string? LeaveAddress { get; set; }

    /// <summary>The direct superior's consideration of a cuti (pertimbangan atasan langsung), before the grantor decides.</summary>
    public Leave.Domain.LeaveConsideration? Consideration { get; set; }

    public string? ConsiderationNote { get; set; }

    public int? ConsideredByEmployeeId { get; set; }

    public DateTime? ConsideredUtc { get; set; }

    /// <summary>"Plh. …" when an acting official gave the consideration in the superior's stead.</summary>
    public string? ConsideredAs { get; set; }

    /// <summary>The official empowered to grant the cuti (pejabat yang berwenang), who decides after the consideration.</summary>
    public int? GrantorEmployeeId { get; set; }

    /// <summary>The grantor's decision as the form words it (disetujui, ditangguhkan, tidak disetujui).</summary>
    public Leave.Domain.LeaveConsideration? GrantDecision { get; set; }

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
        b.Property(r => r.LeaveKind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.LeaveAddress).HasMaxLength(300);
        b.Property(r => r.Consideration).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.GrantDecision).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.ConsiderationNote).HasMaxLength(1000);
        b.Property(r => r.ConsideredAs).HasMaxLength(220);
        b.HasIndex(r => new { r.GrantorEmployeeId, r.Status });
        b.Property(r => r.Version).IsConcurrencyToken();
        // One DL per letter and employee: recording a Surat Tugas twice adds nothing (NULLs never collide).
        b.HasIndex(r => new { r.SignedLetterId, r.EmployeeId }).IsUnique();
        b.HasOne<ElectronicLetters.SignedLetter>().WithMany().HasForeignKey(r => r.SignedLetterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
