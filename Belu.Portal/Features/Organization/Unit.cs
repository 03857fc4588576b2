using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Organization;

/// <summary>A node of the organisation tree: the regency, an OPD or kecamatan, a bidang or bagian.</summary>
public sealed class Unit
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Short code used in letter numbers and imports, e.g. "DISKOMINFO".</summary>
    public required string Code { get; set; }

    public UnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    public Unit? Parent { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum UnitKind
{
    Pemkab = 0,
    Opd = 1,
    Kecamatan = 2,
    Bidang = 3,
    Bagian = 4,
}

public static class UnitKindLabels
{
    public static string Label(this UnitKind kind) => kind switch
    {
        UnitKind.Pemkab => "Pemerintah Kabupaten",
        UnitKind.Opd => "Perangkat Daerah (OPD)",
        UnitKind.Kecamatan => "Kecamatan",
        UnitKind.Bidang => "Bidang",
        UnitKind.Bagian => "Bagian / Subbagian",
        _ => kind.ToString(),
    };

    /// <summary>Top-level kinds sit directly under the regency; the others sit inside them.</summary>
    public static bool IsTopLevel(this UnitKind kind) => kind is UnitKind.Opd or UnitKind.Kecamatan;
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.Code).HasMaxLength(40);
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.ParentId);
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.Version).IsConcurrencyToken();
    }
}
