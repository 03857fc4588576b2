using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Letters;

/// <summary>A surat keluar in a unit's register, numbered classification/sequence/unit code/year.</summary>
public sealed class OutgoingLetter
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public int Year { get; set; }

    public int Sequence { get; set; }

    public required string Number { get; set; }

    /// <summary>The letter's row number in the full-text index, computed by the database from unit, year and sequence.</summary>
    public long SearchKey { get; private set; }

    public required string ClassificationCode { get; set; }

    public DateOnly LetterDate { get; set; }

    public required string Subject { get; set; }

    public string? Summary { get; set; }

    public SecurityClass Security { get; set; }

    /// <summary>Kepada: one addressee per line.</summary>
    public required string Addressees { get; set; }

    /// <summary>Tembusan: one per line.</summary>
    public string? Copies { get; set; }

    public int SignerId { get; set; }

    public Employee? Signer { get; set; }

    public DateOnly? SentDate { get; set; }

    public int CreatedById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public Guid SubmissionId { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<LetterFile> Files { get; set; } = [];
}

internal sealed class OutgoingLetterConfiguration : IEntityTypeConfiguration<OutgoingLetter>
{
    public void Configure(EntityTypeBuilder<OutgoingLetter> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Number).HasMaxLength(80);
        b.Property(l => l.ClassificationCode).HasMaxLength(20);
        b.Property(l => l.Subject).HasMaxLength(500);
        b.Property(l => l.Summary).HasMaxLength(4000);
        b.Property(l => l.Addressees).HasMaxLength(2000);
        b.Property(l => l.Copies).HasMaxLength(2000);
        b.HasIndex(l => new { l.UnitId, l.Year, l.Sequence }).IsUnique();
        b.HasIndex(l => l.Number).IsUnique();
        b.HasIndex(l => l.SubmissionId).IsUnique();
        b.Property(l => l.SearchKey).HasComputedColumnSql(LetterWrites.SearchKeySql("Year", "Sequence"), stored: true);
        b.HasIndex(l => l.SearchKey).IsUnique();
        b.HasIndex(l => new { l.UnitId, l.LetterDate });
        b.HasOne(l => l.Unit).WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Signer).WithMany().HasForeignKey(l => l.SignerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.Version).IsConcurrencyToken();
    }
}
