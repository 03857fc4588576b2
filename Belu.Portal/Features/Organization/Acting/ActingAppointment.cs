using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Organization.Acting;

/// <summary>Plh: someone acts while the definitive official is away; Plt: while the post is vacant (UU 30/2014 Pasal 14).</summary>
public enum ActingKind
{
    Plh = 0,
    Plt = 1,
}

/// <summary>
/// A letter (surat perintah) naming an acting official for a post over a range of WITA calendar days. The post is the
/// head of <see cref="UnitId"/>, held by <see cref="ReplacedEmployeeId"/>: everything the portal addresses to that
/// person is what the acting official handles during the range (docs/domain/acting.md).
/// </summary>
public sealed class ActingAppointment
{
    public int Id { get; set; }

    /// <summary>The unit whose head is replaced.</summary>
    public int UnitId { get; set; }

    /// <summary>The definitive official of the post, to whom letters, dispositions and requests are addressed.</summary>
    public int ReplacedEmployeeId { get; set; }

    /// <summary>The jabatan as it was when appointed ("Kepala Dinas Komunikasi dan Informatika").</summary>
    public required string PostTitle { get; set; }

    public int ActingEmployeeId { get; set; }

    public ActingKind Kind { get; set; }

    /// <summary>First day in force, a WITA calendar day.</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day in force (inclusive), a WITA calendar day.</summary>
    public DateOnly To { get; set; }

    /// <summary>The number of the surat perintah that appoints him.</summary>
    public required string LetterNumber { get; set; }

    public DateOnly LetterDate { get; set; }

    /// <summary>The signed Surat Perintah of the portal it cites, when it was drafted here.</summary>
    public Guid? SignedLetterId { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? CancelledAtUtc { get; set; }

    public string? CancelledBy { get; set; }

    /// <summary>When the replaced official was told his open items are his again; set once.</summary>
    public DateTime? ReturnNoticeSentAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>"Plh. Kepala Dinas …": the capacity in which the acting official signs, disposes and decides.</summary>
    public string Capacity => ActingRules.Capacity(Kind, PostTitle);
}

internal sealed class ActingAppointmentConfiguration : IEntityTypeConfiguration<ActingAppointment>
{
    public void Configure(EntityTypeBuilder<ActingAppointment> b)
    {
        b.Property(a => a.PostTitle).HasMaxLength(200);
        b.Property(a => a.LetterNumber).HasMaxLength(100);
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.CancelledBy).HasMaxLength(256);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(4);
        b.Ignore(a => a.Capacity);
        b.HasIndex(a => new { a.ReplacedEmployeeId, a.From });
        b.HasIndex(a => new { a.ActingEmployeeId, a.From });
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(a => a.ReplacedEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(a => a.ActingEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<ElectronicLetters.SignedLetter>().WithMany().HasForeignKey(a => a.SignedLetterId).OnDelete(DeleteBehavior.Restrict);
    }
}
