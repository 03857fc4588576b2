using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Notifications.Channels;
using Belu.Portal.Features.Notifications.Reminders.Domain;

namespace Belu.Portal.Features.Notifications.Reminders;

/// <summary>
/// A reminder of a disposition, to its recipient or (escalated) to its disposer. A letter event, so a secret letter's
/// reminder carries no subject and leaves the portal only as "Ada surat rahasia untuk Anda".
/// </summary>
public sealed record DispositionReminder : LetterEvent, IChannelTopic
{
    public required Guid DispositionId { get; init; }

    public required DispositionReminderKind Reason { get; init; }

    /// <summary>True when it goes to the disposer because the recipient has not moved.</summary>
    public bool Escalated { get; init; }

    public required string RecipientName { get; init; }

    public DateOnly? Deadline { get; init; }

    public NotificationTopics Topic => NotificationTopics.Pengingat;

    // Meant for one person: no wall board names who is late with a disposition.
    public override bool ShowOnBoard => false;

    public override string Summary => (Reason, Escalated) switch
    {
        (DispositionReminderKind.BelumDibaca, false) => $"Pengingat: disposisi {About} belum Anda baca.",
        (DispositionReminderKind.BelumDibaca, true) => $"Pengingat: disposisi Anda kepada {RecipientName} atas {About} belum dibaca.",
        (DispositionReminderKind.JatuhTempoBesok, _) => $"Pengingat: disposisi {About} jatuh tempo {Deadline:dd MMM yyyy}.",
        (DispositionReminderKind.Terlambat, false) => $"Pengingat: disposisi {About} melewati batas waktu {Deadline:dd MMM yyyy} dan belum selesai.",
        _ => $"Pengingat: disposisi Anda kepada {RecipientName} atas {About} melewati batas waktu {Deadline:dd MMM yyyy} dan belum selesai.",
    };
}

/// <summary>A request its approver has left undecided too long climbs to the approver's superior.</summary>
public sealed record RequestEscalated(Guid RequestId, RequestKind RequestKind, DateOnly From, DateOnly To, string RequesterName, string ApproverName)
    : PortalEvent, IChannelTopic
{
    public NotificationTopics Topic => NotificationTopics.Pengingat;

    public override bool ShowOnBoard => false;

    public override string Summary =>
        $"Pengingat: permohonan {RequestKind.Label()} {From:dd/MM/yyyy}–{To:dd/MM/yyyy} dari {RequesterName} belum diputuskan oleh {ApproverName}";

    public override string? Link => "/absensi/permohonan";
}

/// <summary>What waits for one person this morning; only counts, so no subject (secret or not) leaves the portal.</summary>
public sealed record MorningDigest : PortalEvent, IChannelTopic
{
    public int UnreadLetters { get; init; }

    public int UnreadDispositions { get; init; }

    public int DueToday { get; init; }

    public int Overdue { get; init; }

    public int ToInitial { get; init; }

    public int ToSign { get; init; }

    public int RequestsToDecide { get; init; }

    public NotificationTopics Topic => NotificationTopics.Ringkasan;

    public override bool ShowOnBoard => false;

    public bool IsEmpty => UnreadLetters + UnreadDispositions + DueToday + Overdue + ToInitial + ToSign + RequestsToDecide == 0;

    public override string Summary
    {
        get
        {
            var parts = new List<string>();
            Add(parts, UnreadLetters, "surat belum dibaca");
            Add(parts, UnreadDispositions, "disposisi belum dibaca");
            Add(parts, DueToday, "disposisi jatuh tempo hari ini");
            Add(parts, Overdue, "disposisi terlambat");
            Add(parts, ToInitial, "konsep menunggu paraf Anda");
            Add(parts, ToSign, "konsep menunggu tanda tangan Anda");
            Add(parts, RequestsToDecide, "permohonan menunggu keputusan Anda");
            return $"Ringkasan pagi: {string.Join(", ", parts)}.";
        }
    }

    public override string? Link => "/";

    private static void Add(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count} {what}");
        }
    }
}
