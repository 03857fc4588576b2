using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// A konsep naskah dinas: written by its conceptor, reviewed by its chain (<see cref="DraftStep"/>), signed later.
/// The editable content lives in <see cref="ContentJson"/> (a <see cref="DraftContent"/>), so that a version is one
/// snapshot of it; kind, subject and sifat are copied to columns for lists and access checks.
/// </summary>
public sealed class ElectronicDraft
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public ElectronicLetterKind Kind { get; set; }

    /// <summary>The conceptor's unit when the draft was started; the kop is its OPD's.</summary>
    public int UnitId { get; set; }

    public int ConceptorId { get; set; }

    /// <summary>The penandatangan: the chain's last step, copied here for "perlu ditandatangani".</summary>
    public int SignerId { get; set; }

    public DraftStatus Status { get; set; } = DraftStatus.Konsep;

    /// <summary>The <see cref="DraftStep.Order"/> whose turn it is while the draft is in review; null otherwise.</summary>
    public int? CurrentStep { get; set; }

    public string Subject { get; set; } = "";

    public SecurityClass Security { get; set; }

    public required string ContentJson { get; set; }

    /// <summary>The number of the latest <see cref="DraftVersion"/>.</summary>
    public int VersionNumber { get; set; } = 1;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<DraftStep> Steps { get; set; } = [];
}

/// <summary>Where a draft stands.</summary>
public enum DraftStatus
{
    Konsep = 0,
    Verifikasi = 1,
    Dikembalikan = 2,
    MenungguTandaTangan = 3,
    Dibatalkan = 4,
    Ditandatangani = 5,
}

public enum DraftStepRole
{
    Verifikator = 0,
    Penandatangan = 1,
}

public enum DraftStepState
{
    Menunggu = 0,
    Diparaf = 1,
    Dikembalikan = 2,
}

/// <summary>One person of the review chain: verifiers in order, the signer last.</summary>
public sealed class DraftStep
{
    public long Id { get; set; }

    public Guid DraftId { get; set; }

    public int Order { get; set; }

    public int EmployeeId { get; set; }

    public DraftStepRole Role { get; set; }

    public DraftStepState State { get; set; }

    public DateTime? ActedAtUtc { get; set; }

    public string? Note { get; set; }
}

/// <summary>A snapshot of the content after a save that changed something.</summary>
public sealed class DraftVersion
{
    public long Id { get; set; }

    public Guid DraftId { get; set; }

    public int Number { get; set; }

    public int AuthorId { get; set; }

    public DateTime AtUtc { get; set; }

    public required string ContentJson { get; set; }
}

public enum DraftAction
{
    Dibuat = 0,
    RantaiDiubah = 1,
    Dikirim = 2,
    Diparaf = 3,
    DiubahVerifikator = 4,
    Dikembalikan = 5,
    Dibatalkan = 6,
    Ditandatangani = 7,
}

/// <summary>One line of a draft's history: who did what, when, with which note.</summary>
public sealed class DraftHistoryEntry
{
    public long Id { get; set; }

    public Guid DraftId { get; set; }

    public DateTime AtUtc { get; set; }

    public int ActorId { get; set; }

    public DraftAction Action { get; set; }

    public int VersionNumber { get; set; }

    public string? Note { get; set; }
}

internal sealed class ElectronicDraftConfiguration :
    IEntityTypeConfiguration<ElectronicDraft>, IEntityTypeConfiguration<DraftStep>,
    IEntityTypeConfiguration<DraftVersion>, IEntityTypeConfiguration<DraftHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ElectronicDraft> b)
    {
        b.Property(d => d.Subject).HasMaxLength(500);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => new { d.ConceptorId, d.UpdatedAtUtc });
        b.HasIndex(d => new { d.SignerId, d.Status });
        b.HasIndex(d => d.UnitId);
        b.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DraftId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DraftStep> b)
    {
        b.Property(s => s.Note).HasMaxLength(2000);
        b.HasIndex(s => new { s.EmployeeId, s.DraftId });
        b.HasIndex(s => new { s.DraftId, s.Order }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<DraftVersion> b)
    {
        b.HasIndex(v => new { v.DraftId, v.Number }).IsUnique();
        b.HasOne<ElectronicDraft>().WithMany().HasForeignKey(v => v.DraftId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DraftHistoryEntry> b)
    {
        b.Property(h => h.Note).HasMaxLength(2000);
        b.HasIndex(h => new { h.DraftId, h.AtUtc });
        b.HasOne<ElectronicDraft>().WithMany().HasForeignKey(h => h.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}
