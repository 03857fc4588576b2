using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Audit;

/// <summary>One line of the audit trail: who did what, to what, when and from where. Never edited.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    /// <summary>Dotted verb, e.g. "login.failed", "employee.updated".</summary>
    public required string Action { get; set; }

    /// <summary>What the action touched, e.g. an NIP or a letter number.</summary>
    public string? Subject { get; set; }

    public string? Detail { get; set; }

    public string? IpAddress { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Subject).HasMaxLength(256);
        b.Property(a => a.Detail).HasMaxLength(2000);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.Action, a.AtUtc });
    }
}
