using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Notifications;

/// <summary>A stored notification for one account: nothing is lost while its owner is offline.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The account it is for.</summary>
    public required string UserId { get; set; }

    /// <summary>The event it came from; one notification per account and event.</summary>
    public Guid EventId { get; set; }

    public required string Kind { get; set; }

    public required string Text { get; set; }

    public string? Link { get; set; }

    public DateTime AtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Kind).HasMaxLength(64);
        b.Property(n => n.Text).HasMaxLength(500);
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasIndex(n => new { n.UserId, n.EventId }).IsUnique();
        b.HasIndex(n => new { n.UserId, n.ReadAtUtc, n.AtUtc });
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
