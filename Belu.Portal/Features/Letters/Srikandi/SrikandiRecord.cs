using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Letters.Srikandi;

/// <summary>
/// A letter's number and PDF in SRIKANDI, the national e-office, kept beside the portal's own register so that a
/// regency running both keeps one register (docs/domain/letters.md, "SRIKANDI alongside"). One per letter, incoming
/// or outgoing; the portal never calls SRIKANDI, so it keeps working when SRIKANDI cannot be reached.
/// </summary>
public sealed class SrikandiRecord
{
    public long Id { get; set; }

    public Guid? IncomingLetterId { get; set; }

    public Guid? OutgoingLetterId { get; set; }

    public required string Number { get; set; }

    public string? PdfStorageKey { get; set; }

    public string? PdfFileName { get; set; }

    public long? PdfLength { get; set; }

    public string? PdfSha256 { get; set; }

    public int RecordedById { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class SrikandiRecordConfiguration : IEntityTypeConfiguration<SrikandiRecord>
{
    public void Configure(EntityTypeBuilder<SrikandiRecord> b)
    {
        b.Property(r => r.Number).HasMaxLength(SrikandiInput.MaxNumberLength);
        b.Property(r => r.PdfStorageKey).HasMaxLength(200);
        b.Property(r => r.PdfFileName).HasMaxLength(200);
        b.Property(r => r.PdfSha256).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.IncomingLetterId).IsUnique();
        b.HasIndex(r => r.OutgoingLetterId).IsUnique();
        b.HasIndex(r => r.Number);
        b.HasOne<IncomingLetter>().WithMany().HasForeignKey(r => r.IncomingLetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OutgoingLetter>().WithMany().HasForeignKey(r => r.OutgoingLetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Which letter a SRIKANDI record belongs to: the incoming or the outgoing register, and the letter's id.</summary>
public readonly record struct SrikandiTarget(LetterRegister Register, Guid LetterId);

/// <summary>What the clerk types: SRIKANDI's number for the letter.</summary>
public sealed class SrikandiInput
{
    public const int MaxNumberLength = 100;

    public string? Number { get; set; }

    /// <summary>The record's version as the clerk saw it (none for a first record).</summary>
    public Guid? Version { get; set; }
}

/// <summary>The SRIKANDI facts a letter page shows.</summary>
public sealed record SrikandiView(string? Number, string? PdfFileName, long? PdfLength, DateTime? RecordedAtUtc, string? RecordedByName,
    bool CanRecord, Guid? Version)
{
    public bool HasPdf => PdfFileName is not null;
}
