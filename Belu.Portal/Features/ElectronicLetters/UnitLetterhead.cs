using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>The kop surat an OPD prints on its naskah dinas; kept by the admin.</summary>
public sealed class UnitLetterhead
{
    public int Id { get; set; }

    /// <summary>The OPD or kecamatan (a top-level unit).</summary>
    public int UnitId { get; set; }

    public required string GovernmentName { get; set; }

    public required string UnitName { get; set; }

    public required string Address { get; set; }

    public string Contacts { get; set; } = "";

    /// <summary>The emblem as PNG bytes; null prints the regency emblem shipped with the portal.</summary>
    public byte[]? EmblemPng { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class UnitLetterheadConfiguration : IEntityTypeConfiguration<UnitLetterhead>
{
    public void Configure(EntityTypeBuilder<UnitLetterhead> b)
    {
        b.HasIndex(k => k.UnitId).IsUnique();
        b.Property(k => k.GovernmentName).HasMaxLength(200);
        b.Property(k => k.UnitName).HasMaxLength(200);
        b.Property(k => k.Address).HasMaxLength(300);
        b.Property(k => k.Contacts).HasMaxLength(300);
        b.Property(k => k.Version).IsConcurrencyToken();
        b.HasOne<Organization.Unit>().WithMany().HasForeignKey(k => k.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The regency emblem shipped inside the portal (an embedded PNG).</summary>
public static class DefaultEmblem
{
    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(DefaultEmblem).Assembly.GetManifestResourceStream("default-emblem.png")
            ?? throw new InvalidOperationException("The default emblem is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static byte[] Png => Bytes.Value;
}
