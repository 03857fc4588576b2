using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// The regency's signing CA (one row). Its private key is stored only sealed by ASP.NET DataProtection, whose keys are
/// themselves encrypted by the certificate kept outside the database: a copy of the database alone cannot issue.
/// </summary>
public sealed class SigningAuthority
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string Subject { get; set; }

    public required byte[] Certificate { get; set; }

    /// <summary>The PKCS#8 private key, protected with the DataProtection purpose <see cref="LocalCertificateAuthority.KeyPurpose"/>.</summary>
    public required byte[] ProtectedKey { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// A signer's certificate, issued by the regency CA when they chose a passphrase. The private key lives only in
/// <see cref="ProtectedPfx"/>: a PKCS#12 sealed by the signer's passphrase, itself sealed by DataProtection. The
/// newest row that is not revoked is the one used.
/// </summary>
public sealed class SignerCertificate
{
    public int Id { get; set; }

    public int EmployeeId { get; set; }

    public required string Subject { get; set; }

    public required string Thumbprint { get; set; }

    public required byte[] ProtectedPfx { get; set; }

    public DateTime NotBeforeUtc { get; set; }

    public DateTime NotAfterUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}

internal sealed class SigningAuthorityConfiguration : IEntityTypeConfiguration<SigningAuthority>
{
    public void Configure(EntityTypeBuilder<SigningAuthority> b)
    {
        b.ToTable("SigningAuthorities");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Subject).HasMaxLength(500);
    }
}

internal sealed class SignerCertificateConfiguration : IEntityTypeConfiguration<SignerCertificate>
{
    public void Configure(EntityTypeBuilder<SignerCertificate> b)
    {
        b.ToTable("SignerCertificates");
        b.Property(c => c.Subject).HasMaxLength(1000);
        b.Property(c => c.Thumbprint).HasMaxLength(64);
        b.HasIndex(c => c.Thumbprint).IsUnique();
        b.HasIndex(c => new { c.EmployeeId, c.CreatedAtUtc });
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
