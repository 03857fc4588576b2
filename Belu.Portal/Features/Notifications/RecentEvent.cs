using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Notifications;

/// <summary>
/// The last events of the regency, kept for the monitoring boards' ticker: a board that starts (or restarts)
/// shows what happened before it connected. Pruned after a few days.
/// </summary>
public sealed class RecentEvent
{
    /// <summary>The event's own id.</summary>
    public Guid Id { get; set; }

    public required string Kind { get; set; }

    public required string Text { get; set; }

    public DateTime AtUtc { get; set; }

    public int? OpdId { get; set; }
}

internal sealed class RecentEventConfiguration : IEntityTypeConfiguration<RecentEvent>
{
    public void Configure(EntityTypeBuilder<RecentEvent> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasMaxLength(64);
        b.Property(e => e.Text).HasMaxLength(500);
        b.HasIndex(e => e.AtUtc);
        b.HasIndex(e => new { e.OpdId, e.AtUtc });
    }
}
