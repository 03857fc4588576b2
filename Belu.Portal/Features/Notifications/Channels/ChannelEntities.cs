using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Notifications.Channels;

/// <summary>The channels a notification is copied to; the bell stays the channel of record.</summary>
public enum ChannelKind
{
    Email = 0,
    WhatsApp = 1,
    Telegram = 2,
}

/// <summary>What a person may choose to receive outside the portal, in groups people understand.</summary>
[Flags]
public enum NotificationTopics
{
    None = 0,
    Surat = 1,
    Disposisi = 2,
    Permohonan = 4,
    Pengingat = 8,
    Ringkasan = 16,
    All = Surat | Disposisi | Permohonan | Pengingat | Ringkasan,
}

/// <summary>One person's choice of which topics go on which channel, and the hours when nothing is sent.</summary>
public sealed class NotificationPreference
{
    public required string UserId { get; set; }

    public NotificationTopics EmailTopics { get; set; }

    public NotificationTopics WhatsAppTopics { get; set; }

    public NotificationTopics TelegramTopics { get; set; }

    /// <summary>The chat the Telegram bot writes to (the person starts the bot and gives its id).</summary>
    public string? TelegramChatId { get; set; }

    /// <summary>Quiet hours in office time (WITA); a message made inside them waits for their end. May span midnight.</summary>
    public TimeOnly? QuietFrom { get; set; }

    public TimeOnly? QuietUntil { get; set; }

    public NotificationTopics TopicsFor(ChannelKind channel) => channel switch
    {
        ChannelKind.Email => EmailTopics,
        ChannelKind.WhatsApp => WhatsAppTopics,
        ChannelKind.Telegram => TelegramTopics,
        _ => NotificationTopics.None,
    };
}

public enum ChannelMessageState
{
    Menunggu = 0,
    Terkirim = 1,
    Gagal = 2,
}

/// <summary>
/// A copy of a notification for one channel, written in the same save as the bell's notification and sent after the
/// commit by <see cref="ChannelDeliveryWorker"/>: a slow or dead channel never delays the bell or the other channels.
/// </summary>
public sealed class ChannelMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The event it copies; one message per event, account and channel.</summary>
    public Guid EventId { get; set; }

    public required string UserId { get; set; }

    public ChannelKind Channel { get; set; }

    /// <summary>The address it goes to: e-mail address, 62… number or Telegram chat id.</summary>
    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public ChannelMessageState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Not sent before this time: the end of quiet hours, or the next try after a failure.</summary>
    public DateTime NextAttemptUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    public string? LastError { get; set; }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.TelegramChatId).HasMaxLength(64);
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelMessageConfiguration : IEntityTypeConfiguration<ChannelMessage>
{
    public void Configure(EntityTypeBuilder<ChannelMessage> b)
    {
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Recipient).HasMaxLength(254);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Body).HasMaxLength(2000);
        b.Property(m => m.LastError).HasMaxLength(500);
        b.HasIndex(m => new { m.EventId, m.UserId, m.Channel }).IsUnique();
        b.HasIndex(m => new { m.State, m.NextAttemptUtc });
        b.HasIndex(m => m.CreatedUtc);
        b.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A reminder or digest given: one row per thing and office day, claimed by its unique key before the reminder is
/// staged, so nobody is reminded twice for the same thing in a day (a second run, a restart, a second instance).
/// </summary>
public sealed class ReminderMark
{
    public long Id { get; set; }

    /// <summary>What was reminded of and to whom, e.g. "disposisi-belum-dibaca:{id}:1".</summary>
    public required string Key { get; set; }

    public DateOnly Day { get; set; }

    public DateTime AtUtc { get; set; }
}

internal sealed class ReminderMarkConfiguration : IEntityTypeConfiguration<ReminderMark>
{
    public void Configure(EntityTypeBuilder<ReminderMark> b)
    {
        b.Property(m => m.Key).HasMaxLength(120);
        b.HasIndex(m => new { m.Key, m.Day }).IsUnique();
        b.HasIndex(m => m.Day);
    }
}
