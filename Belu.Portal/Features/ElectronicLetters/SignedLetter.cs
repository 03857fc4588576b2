using System.Security.Cryptography;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>Where a signed letter stands for the public verification page. Only Sah exists today; the others wait for revocation and replacement.</summary>
public enum SignedLetterStatus
{
    Sah = 0,
    Dicabut = 1,
    Diganti = 2,
}

/// <summary>
/// A naskah dinas as signed: the exact PDF, its SHA-256, the number it got when it was signed, and a snapshot of the
/// signer and the letter as printed. It never changes (docs/decisions/0021): only <see cref="Status"/> and
/// <see cref="ReplacedById"/> may move later. Delivery to addressees will start from this row, not from the draft.
/// </summary>
public sealed class SignedLetter
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DraftId { get; init; }

    /// <summary>The row of the unit's outgoing register (surat keluar) that carries the same number.</summary>
    public Guid OutgoingLetterId { get; init; }

    /// <summary>The OPD whose register numbered the letter.</summary>
    public int UnitId { get; init; }

    public ElectronicLetterKind Kind { get; init; }

    public required string Number { get; init; }

    public DateOnly LetterDate { get; init; }

    public DateTime SignedAtUtc { get; init; }

    public int SignerEmployeeId { get; init; }

    public required string SignerName { get; init; }

    public required string SignerPosition { get; init; }

    public string? SignerNip { get; init; }

    public required string Subject { get; init; }

    /// <summary>Kepada, one per line, as printed.</summary>
    public required string Addressees { get; init; }

    public SecurityClass Security { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Pdf"/>.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The random code of /verifikasi/{code}, printed in the QR code of every page.</summary>
    public required string VerificationCode { get; init; }

    /// <summary>"LocalCa" or "Bsre": who made the signature.</summary>
    public required string Provider { get; init; }

    public required byte[] Pdf { get; init; }

    public SignedLetterStatus Status { get; set; } = SignedLetterStatus.Sah;

    /// <summary>The letter that replaces this one, once replacements exist.</summary>
    public Guid? ReplacedById { get; set; }

    public static string HashOf(byte[] pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));
}

internal sealed class SignedLetterConfiguration : IEntityTypeConfiguration<SignedLetter>
{
    public void Configure(EntityTypeBuilder<SignedLetter> b)
    {
        b.ToTable("SignedLetters");
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Number).HasMaxLength(80);
        b.Property(l => l.SignerName).HasMaxLength(200);
        b.Property(l => l.SignerPosition).HasMaxLength(300);
        b.Property(l => l.SignerNip).HasMaxLength(30);
        b.Property(l => l.Subject).HasMaxLength(500);
        b.Property(l => l.Addressees).HasMaxLength(4000);
        b.Property(l => l.Sha256).HasMaxLength(64);
        b.Property(l => l.VerificationCode).HasMaxLength(32);
        b.Property(l => l.Provider).HasMaxLength(20);
        b.HasIndex(l => l.DraftId).IsUnique();
        b.HasIndex(l => l.OutgoingLetterId).IsUnique();
        b.HasIndex(l => l.Number).IsUnique();
        b.HasIndex(l => l.VerificationCode).IsUnique();
        b.HasIndex(l => l.Sha256);
        b.HasOne<ElectronicDraft>().WithMany().HasForeignKey(l => l.DraftId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OutgoingLetter>().WithMany().HasForeignKey(l => l.OutgoingLetterId).OnDelete(DeleteBehavior.Restrict);
        // A signed document never changes: EF refuses to write any of these once the row is saved.
        foreach (var property in b.Metadata.GetProperties().Where(p => p.Name is not (nameof(SignedLetter.Status) or nameof(SignedLetter.ReplacedById))))
        {
            property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
        }
    }
}
