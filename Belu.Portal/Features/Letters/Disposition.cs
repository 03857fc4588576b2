using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Letters;

/// <summary>
/// One edge of a letter's disposition tree: from a leader (or a recipient forwarding down) to one person, or to a
/// unit held by its head, with instructions, a note and a deadline.
/// </summary>
public sealed class Disposition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid LetterId { get; set; }

    public IncomingLetter? Letter { get; set; }

    /// <summary>The disposition this one forwards; null for the addressee's own dispositions.</summary>
    public Guid? ParentId { get; set; }

    public int FromEmployeeId { get; set; }

    public Employee? FromEmployee { get; set; }

    /// <summary>Who must act on it: the person chosen, or the head of the unit chosen.</summary>
    public int ToEmployeeId { get; set; }

    public Employee? ToEmployee { get; set; }

    /// <summary>The recipient's unit (the unit chosen, or the person's unit): leaders of it oversee the branch.</summary>
    public int ToUnitId { get; set; }

    /// <summary>True when a unit was chosen as the recipient rather than a person.</summary>
    public bool ToWholeUnit { get; set; }

    /// <summary>The instruction texts as ticked at the time (the admin's list may change later).</summary>
    public List<string> Instructions { get; set; } = [];

    public string? Note { get; set; }

    public DateOnly? Deadline { get; set; }

    public DispositionStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    public DateTime? ProcessingAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public DateTime? CancelledAtUtc { get; set; }

    /// <summary>
    /// Set when an acting official gave it in the post's name (<see cref="FromEmployeeId"/> is the post's official):
    /// who he was and in what capacity, as it was that day, so the sheet and the track never recompute it.
    /// </summary>
    public int? ActedByEmployeeId { get; set; }

    public string? ActedByName { get; set; }

    public string? ActedByNip { get; set; }

    /// <summary>"Plh. Kepala Dinas …".</summary>
    public string? ActedAs { get; set; }

    /// <summary>Laporan tindak lanjut.</summary>
    public string? Report { get; set; }

    /// <summary>Set once the deadline-passed notice went out, so a restart never sends it twice.</summary>
    public DateTime? DeadlineNotifiedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class DispositionConfiguration : IEntityTypeConfiguration<Disposition>
{
    public void Configure(EntityTypeBuilder<Disposition> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Note).HasMaxLength(2000);
        b.Property(d => d.Report).HasMaxLength(4000);
        b.Property(d => d.ActedByName).HasMaxLength(200);
        b.Property(d => d.ActedByNip).HasMaxLength(18);
        b.Property(d => d.ActedAs).HasMaxLength(220);
        b.HasIndex(d => d.LetterId);
        // "Disposisi untuk saya" / "yang saya berikan": each holds the whole order (overdue, finished, newest) and the
        // key, so a page is chosen from the index without reading the rows. The disposer's also holds the letter: the
        // boxes "disposisi belum dibaca" and "belum ditindaklanjuti" list letters from it without reading the rows.
        b.HasIndex(d => new { d.ToEmployeeId, d.Status, d.Deadline, d.CreatedAtUtc, d.Id });
        b.HasIndex(d => new { d.FromEmployeeId, d.Status, d.Deadline, d.CreatedAtUtc, d.Id, d.LetterId });
        b.HasIndex(d => new { d.ToUnitId, d.Status });
        b.HasIndex(d => new { d.Status, d.Deadline });
        b.HasOne(d => d.Letter).WithMany(l => l.Dispositions).HasForeignKey(d => d.LetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Disposition>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.FromEmployee).WithMany().HasForeignKey(d => d.FromEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.ToEmployee).WithMany().HasForeignKey(d => d.ToEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.ToUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Version).IsConcurrencyToken();
    }
}

/// <summary>One choice of the instruction list on the lembar disposisi; the admin edits the list.</summary>
public sealed class DispositionInstruction
{
    public int Id { get; set; }

    public required string Text { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The defaults printed on real lembar disposisi (docs/domain/letters.md, "Disposition").</summary>
    public static readonly string[] Defaults =
    [
        "Untuk Diketahui", "Tindak Lanjuti", "Untuk Diproses", "Selesaikan", "Siapkan Jawaban", "Hadiri/Wakili",
        "Koordinasikan", "Pedomani", "Pertimbangkan", "Sarankan", "Laporkan Hasilnya", "Monitor Pelaksanaannya",
        "Agendakan", "Menghadap Saya", "Arsipkan",
    ];
}

internal sealed class DispositionInstructionConfiguration : IEntityTypeConfiguration<DispositionInstruction>
{
    public void Configure(EntityTypeBuilder<DispositionInstruction> b)
    {
        b.Property(i => i.Text).HasMaxLength(100);
        b.HasIndex(i => i.Text).IsUnique();
        b.Property(i => i.Version).IsConcurrencyToken();
        // Reference data, not demo data: every installation starts with the list printed on paper sheets.
        b.HasData(DispositionInstruction.Defaults.Select((text, i) => new DispositionInstruction
        {
            Id = i + 1,
            Text = text,
            SortOrder = (i + 1) * 10,
            Version = new Guid($"00000000-0000-0000-0000-{i + 1:000000000000}"),
        }));
    }
}
