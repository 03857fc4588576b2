using Belu.Portal.Data;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Notifications.Channels;

/// <summary>An event that says for itself which topic its copies belong to (reminders, the digest).</summary>
public interface IChannelTopic
{
    NotificationTopics Topic { get; }
}

/// <summary>
/// Writes the channel copies of an event beside its bell notifications, in the same save: the copies are queued, not
/// sent, so the bell never waits for a channel. Each person gets a copy on the channels they chose for the event's
/// topic and that have an address; within quiet hours the copy waits for their end.
/// </summary>
public static class ChannelCopies
{
    public const string SecretText = "Ada surat rahasia untuk Anda";

    /// <summary>The topic of an event, or None for events that stay in the portal (late check-ins, signals).</summary>
    public static NotificationTopics TopicOf(PortalEvent portalEvent) => portalEvent switch
    {
        IChannelTopic own => own.Topic,
        LetterRegistered => NotificationTopics.Surat,
        LetterEvent => NotificationTopics.Disposisi,
        Attendance.RequestReminderEvent => NotificationTopics.Pengingat,
        Attendance.RequestSubmittedEvent or Attendance.RequestDecidedEvent => NotificationTopics.Permohonan,
        _ => NotificationTopics.None,
    };

    /// <summary>A letter event without its subject is about a secret letter (Rahasia and above): see <see cref="LetterEvent"/>.</summary>
    public static bool IsSecret(PortalEvent portalEvent) => portalEvent is LetterEvent { Subject: null };

    public static async Task AddAsync(PortalDbContext db, PortalEvent portalEvent, IReadOnlyCollection<string> userIds,
        ChannelOptions options, OfficeClock clock, CancellationToken ct)
    {
        var topic = TopicOf(portalEvent);
        var enabled = options.Enabled();
        if (topic == NotificationTopics.None || enabled.Count == 0 || userIds.Count == 0)
        {
            return;
        }
        var ids = userIds.ToList();
        var people = await (
            from pref in db.NotificationPreferences
            join user in db.Users on pref.UserId equals user.Id
            where ids.Contains(pref.UserId)
            select new { Pref = pref, user.Employee!.Email, user.Employee.Phone }).AsNoTracking().ToListAsync(ct);
        if (people.Count == 0)
        {
            return;
        }
        var existing = (await db.ChannelMessages.Where(m => m.EventId == portalEvent.Id).Select(m => new { m.UserId, m.Channel }).ToListAsync(ct))
            .Select(m => (m.UserId, m.Channel)).ToHashSet();
        var (subject, body) = Compose(portalEvent, options.PublicUrl);
        var now = clock.UtcNow;
        foreach (var person in people)
        {
            foreach (var channel in enabled)
            {
                if ((person.Pref.TopicsFor(channel) & topic) == 0 || existing.Contains((person.Pref.UserId, channel)))
                {
                    continue;
                }
                var recipient = channel switch
                {
                    ChannelKind.Email => person.Email,
                    ChannelKind.WhatsApp => person.Phone,
                    _ => person.Pref.TelegramChatId,
                };
                if (string.IsNullOrEmpty(recipient))
                {
                    continue;
                }
                db.ChannelMessages.Add(new ChannelMessage
                {
                    EventId = portalEvent.Id,
                    UserId = person.Pref.UserId,
                    Channel = channel,
                    Recipient = recipient,
                    Subject = subject,
                    Body = body,
                    CreatedUtc = now,
                    NextAttemptUtc = QuietHours.NextAllowedUtc(now, person.Pref.QuietFrom, person.Pref.QuietUntil, clock),
                });
            }
        }
    }

    /// <summary>The words of a copy: the bell's line and the link; for a secret letter only that there is one.</summary>
    public static (string Subject, string Body) Compose(PortalEvent portalEvent, string publicUrl)
    {
        var link = portalEvent.Link is string l ? publicUrl.TrimEnd('/') + l : publicUrl.TrimEnd('/');
        var text = IsSecret(portalEvent) ? SecretText + "." : portalEvent.Summary;
        var subject = IsSecret(portalEvent) ? SecretText : text.TrimEnd('.');
        if (subject.Length > 120)
        {
            subject = subject[..117] + "…";
        }
        var body = $"{text}\n\nBuka di portal: {link}\n\n— Portal Pemerintah Kabupaten Belu";
        return ($"[Portal Belu] {subject}", body.Length > 2000 ? body[..2000] : body);
    }
}

/// <summary>Quiet hours in office time, which may span midnight (22:00–06:00).</summary>
public static class QuietHours
{
    public static DateTime NextAllowedUtc(DateTime nowUtc, TimeOnly? from, TimeOnly? until, OfficeClock clock)
    {
        if (from is not TimeOnly start || until is not TimeOnly end || start == end)
        {
            return nowUtc;
        }
        var local = clock.ToLocal(nowUtc);
        var time = TimeOnly.FromDateTime(local);
        var inside = start < end ? time >= start && time < end : time >= start || time < end;
        if (!inside)
        {
            return nowUtc;
        }
        var endDay = DateOnly.FromDateTime(local);
        if (start > end && time >= start)
        {
            endDay = endDay.AddDays(1);
        }
        return clock.ToUtc(endDay.ToDateTime(end));
    }
}
