using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Notifications.Channels;

/// <summary>The settings form of one person: topics per channel, the Telegram chat and quiet hours.</summary>
public sealed class NotificationSettingsInput
{
    public NotificationTopics EmailTopics { get; set; }

    public NotificationTopics WhatsAppTopics { get; set; }

    public NotificationTopics TelegramTopics { get; set; }

    public string? TelegramChatId { get; set; }

    public TimeOnly? QuietFrom { get; set; }

    public TimeOnly? QuietUntil { get; set; }
}

/// <summary>What the settings page shows beside the form: where the copies would go (from the employee's record).</summary>
public sealed record NotificationSettingsView(NotificationSettingsInput Input, string? Email, string? Phone, IReadOnlySet<ChannelKind> EnabledChannels);

/// <summary>
/// A person reads and saves their own notification settings ("Notifikasi"); nobody else's. The contacts themselves
/// (e-mail, WhatsApp number) belong to the employee's record, kept by the administrator.
/// </summary>
public sealed class NotificationSettings(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    Microsoft.Extensions.Options.IOptions<ChannelOptions> options)
{
    public async Task<NotificationSettingsView> GetAsync(CancellationToken ct = default)
    {
        var userId = RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pref = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        var contact = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Employee!.Email, u.Employee.Phone }).FirstOrDefaultAsync(ct);
        var input = pref is null ? new NotificationSettingsInput() : new NotificationSettingsInput
        {
            EmailTopics = pref.EmailTopics,
            WhatsAppTopics = pref.WhatsAppTopics,
            TelegramTopics = pref.TelegramTopics,
            TelegramChatId = pref.TelegramChatId,
            QuietFrom = pref.QuietFrom,
            QuietUntil = pref.QuietUntil,
        };
        return new(input, contact?.Email, contact?.Phone, options.Value.Enabled());
    }

    public async Task SaveAsync(NotificationSettingsInput input, CancellationToken ct = default)
    {
        var userId = RequireUser();
        var errors = new Dictionary<string, string>();
        var chat = input.TelegramChatId?.Trim();
        if (!string.IsNullOrEmpty(chat) && (chat.Length > 64 || !long.TryParse(chat, out _)))
        {
            errors[nameof(input.TelegramChatId)] = "ID obrolan Telegram berupa angka, misalnya 123456789.";
        }
        if (input.TelegramTopics != NotificationTopics.None && string.IsNullOrEmpty(chat))
        {
            errors[nameof(input.TelegramChatId)] = "Isi ID obrolan Telegram untuk menerima pesan Telegram.";
        }
        if (input.QuietFrom.HasValue != input.QuietUntil.HasValue)
        {
            errors[nameof(input.QuietUntil)] = "Jam tenang perlu jam mulai dan jam selesai.";
        }
        else if (input.QuietFrom is TimeOnly from && from == input.QuietUntil)
        {
            errors[nameof(input.QuietUntil)] = "Jam mulai dan jam selesai jam tenang tidak boleh sama.";
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pref = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (pref is null)
        {
            pref = new NotificationPreference { UserId = userId };
            db.NotificationPreferences.Add(pref);
        }
        pref.EmailTopics = input.EmailTopics & NotificationTopics.All;
        pref.WhatsAppTopics = input.WhatsAppTopics & NotificationTopics.All;
        pref.TelegramTopics = input.TelegramTopics & NotificationTopics.All;
        pref.TelegramChatId = string.IsNullOrEmpty(chat) ? null : chat;
        pref.QuietFrom = input.QuietFrom;
        pref.QuietUntil = input.QuietUntil;
        await db.SaveChangesAsync(ct);
    }

    private string RequireUser() =>
        currentUser.IsAuthenticated && currentUser.UserId is { } id ? id : throw new ForbiddenException("Silakan masuk terlebih dahulu.");
}
