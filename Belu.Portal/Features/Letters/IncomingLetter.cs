using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Letters;

/// <summary>A surat masuk as registered by a unit's agendaris, with its agenda number in that unit's book.</summary>
public sealed class IncomingLetter
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The unit (OPD or kecamatan) whose agenda book holds the letter.</summary>
    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public int AgendaYear { get; set; }

    public int AgendaSequence { get; set; }

    public required string AgendaNumber { get; set; }

    /// <summary>The letter's row number in the full-text index (FTS5 rows are integers), computed by the database from unit, year and sequence.</summary>
    public long SearchKey { get; private set; }

    /// <summary>The sender's own number of the letter.</summary>
    public required string SenderNumber { get; set; }

    public DateOnly LetterDate { get; set; }

    public DateOnly ReceivedDate { get; set; }

    /// <summary>Asal surat.</summary>
    public required string Sender { get; set; }

    /// <summary>Perihal.</summary>
    public required string Subject { get; set; }

    public string? Summary { get; set; }

    public SecurityClass Security { get; set; }

    public Urgency Urgency { get; set; }

    /// <summary>A tembusan delivered from a signed naskah: read-only, never disposed, complete on arrival (docs/decisions/0024).</summary>
    public bool IsCopy { get; set; }

    /// <summary>Kode klasifikasi arsip (Permendagri 83/2022).</summary>
    public required string ClassificationCode { get; set; }

    /// <summary>The leader the letter is addressed to; the first to dispose it.</summary>
    public int AddresseeId { get; set; }

    public Employee? Addressee { get; set; }

    public DateTime? AddresseeReadAtUtc { get; set; }

    public int RegisteredById { get; set; }

    public Employee? RegisteredBy { get; set; }

    public DateTime RegisteredAtUtc { get; set; }

    /// <summary>Token of the form that registered it: a second submit of the same form finds this letter instead of adding one.</summary>
    public Guid SubmissionId { get; set; }

    /// <summary>The stored part of the letter's state (never Terlambat), kept in step with the disposition tree, and copied to the letter's grants, by every disposition command (<see cref="LetterGrants.RefreshAsync"/>, <see cref="LetterStateRules"/>).</summary>
    public LetterState Progress { get; set; }

    /// <summary>The earliest deadline among unfinished dispositions; with today it decides Terlambat.</summary>
    public DateOnly? OpenDeadline { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Disposition> Dispositions { get; set; } = [];

    public List<LetterCopy> Copies { get; set; } = [];

    public List<LetterFile> Files { get; set; } = [];
}

internal sealed class IncomingLetterConfiguration : IEntityTypeConfiguration<IncomingLetter>
{
    public void Configure(EntityTypeBuilder<IncomingLetter> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.AgendaNumber).HasMaxLength(20);
        b.Property(l => l.SenderNumber).HasMaxLength(100);
        b.Property(l => l.Sender).HasMaxLength(200);
        b.Property(l => l.Subject).HasMaxLength(500);
        b.Property(l => l.Summary).HasMaxLength(4000);
        b.Property(l => l.ClassificationCode).HasMaxLength(20);
        b.HasIndex(l => new { l.UnitId, l.AgendaYear, l.AgendaSequence }).IsUnique();
        b.HasIndex(l => l.SubmissionId).IsUnique();
        b.Property(l => l.SearchKey).HasComputedColumnSql(LetterWrites.SearchKeySql("AgendaYear", "AgendaSequence"), stored: true);
        b.HasIndex(l => l.SearchKey).IsUnique();
        // Covers the addressee's own counters (unread, not yet disposed) without reading a letter.
        b.HasIndex(l => new { l.AddresseeId, l.Progress, l.IsCopy, l.AddresseeReadAtUtc });
        b.HasIndex(l => new { l.UnitId, l.ReceivedDate });
        b.HasIndex(l => new { l.Progress, l.OpenDeadline });
        // The list's order (newest first, overdue ones walked separately): a list walks this index and stops after its page.
        b.HasIndex(l => new { l.ReceivedDate, l.AgendaYear, l.AgendaSequence, l.Id, l.Progress, l.OpenDeadline })
            .HasDatabaseName("IX_IncomingLetters_ListOrder");
        b.HasOne(l => l.Unit).WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Addressee).WithMany().HasForeignKey(l => l.AddresseeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.RegisteredBy).WithMany().HasForeignKey(l => l.RegisteredById).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.Version).IsConcurrencyToken();
    }
}

/// <summary>A tembusan: a person (or a unit, held by its head) who receives the letter read-only.</summary>
public sealed class LetterCopy
{
    public long Id { get; set; }

    public Guid LetterId { get; set; }

    public IncomingLetter? Letter { get; set; }

    public int EmployeeId { get; set; }

    public Employee? Employee { get; set; }

    /// <summary>Set when the copy went to a unit; the unit's head holds it.</summary>
    public int? UnitId { get; set; }

    public DateTime? ReadAtUtc { get; set; }
}

internal sealed class LetterCopyConfiguration : IEntityTypeConfiguration<LetterCopy>
{
    public void Configure(EntityTypeBuilder<LetterCopy> b)
    {
        b.HasIndex(c => new { c.LetterId, c.EmployeeId }).IsUnique();
        b.HasIndex(c => new { c.EmployeeId, c.ReadAtUtc });
        b.HasOne(c => c.Letter).WithMany(l => l.Copies).HasForeignKey(c => c.LetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Employee).WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A stored file of E-Surat: a scan of an incoming letter, a follow-up report's attachment, an outgoing letter's final scan.</summary>
public sealed class LetterFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? LetterId { get; set; }

    public Guid? DispositionId { get; set; }

    public Guid? OutgoingLetterId { get; set; }

    public required string StorageKey { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    public int UploadedById { get; set; }

    public DateTime UploadedAtUtc { get; set; }
}

internal sealed class LetterFileConfiguration : IEntityTypeConfiguration<LetterFile>
{
    public void Configure(EntityTypeBuilder<LetterFile> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.StorageKey).HasMaxLength(200);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.HasOne<IncomingLetter>().WithMany(l => l.Files).HasForeignKey(f => f.LetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Disposition>().WithMany().HasForeignKey(f => f.DispositionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OutgoingLetter>().WithMany(l => l.Files).HasForeignKey(f => f.OutgoingLetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The last number handed out in one unit's register for one year; bumped inside the registering transaction.</summary>
public sealed class LetterCounter
{
    public int UnitId { get; set; }

    public int Year { get; set; }

    public LetterRegister Register { get; set; }

    public int LastSequence { get; set; }
}

public enum LetterRegister
{
    Incoming = 1,
    Outgoing = 2,
}

internal sealed class LetterCounterConfiguration : IEntityTypeConfiguration<LetterCounter>
{
    public void Configure(EntityTypeBuilder<LetterCounter> b)
    {
        b.HasKey(c => new { c.UnitId, c.Year, c.Register });
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One line of a letter's track (lacak surat): who did what, when. Never edited.</summary>
public sealed class LetterTrackEntry
{
    public long Id { get; set; }

    public Guid LetterId { get; set; }

    public DateTime AtUtc { get; set; }

    public TrackKind Kind { get; set; }

    public int? ActorEmployeeId { get; set; }

    public required string ActorName { get; set; }

    public Guid? DispositionId { get; set; }

    public required string Text { get; set; }
}

internal sealed class LetterTrackEntryConfiguration : IEntityTypeConfiguration<LetterTrackEntry>
{
    public void Configure(EntityTypeBuilder<LetterTrackEntry> b)
    {
        b.Property(t => t.ActorName).HasMaxLength(200);
        b.Property(t => t.Text).HasMaxLength(2000);
        b.HasIndex(t => new { t.LetterId, t.AtUtc });
        b.HasOne<IncomingLetter>().WithMany().HasForeignKey(t => t.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}
