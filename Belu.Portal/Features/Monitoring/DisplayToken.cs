using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Monitoring;

/// <summary>
/// A wall screen's key: opening /monitor/masuk/{token} signs the screen in for good, with the token's scope.
/// Only the SHA-256 of the token is kept; revoking it blanks the screen within a minute.
/// </summary>
public sealed class DisplayToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>Comma-separated OPD unit ids, or null for the whole regency.</summary>
    public string? OpdIds { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public DateTime? LastSeenAtUtc { get; set; }

    public string? LastSeenIp { get; set; }

    public bool IsActive => RevokedAtUtc is null;
}

internal sealed class DisplayTokenConfiguration : IEntityTypeConfiguration<DisplayToken>
{
    public void Configure(EntityTypeBuilder<DisplayToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(120);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.Property(t => t.OpdIds).HasMaxLength(2000);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.Property(t => t.LastSeenIp).HasMaxLength(64);
    }
}
