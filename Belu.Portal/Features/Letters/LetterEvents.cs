using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.Letters;

/// <summary>
/// E-Surat's domain events. Subjects of Rahasia letters never travel in them (they reach bells, toasts and wall boards),
/// so <c>Subject</c> is null for secret letters.
/// </summary>
public abstract record LetterEvent : PortalEvent
{
    public required Guid LetterId { get; init; }

    public required string AgendaNumber { get; init; }

    public string? Subject { get; init; }

    public override string? Link => LetterLink.For(LetterId);

    protected string About => Subject is null ? $"surat {AgendaNumber}" : $"surat {AgendaNumber} \"{Subject}\"";
}

/// <summary>An agendaris registered an incoming letter; the addressee hears of it.</summary>
public sealed record LetterRegistered : LetterEvent
{
    /// <summary>Null for a Sangat Rahasia letter: who wrote it is itself secret, and the line reaches wall boards.</summary>
    public string? Sender { get; init; }

    public override string Summary => Sender is null ? $"Surat masuk baru: {About}." : $"Surat masuk baru dari {Sender}: {About}.";
}

/// <summary>A leader disposed a letter (or a recipient forwarded it); one event per recipient.</summary>
public sealed record LetterDisposed : LetterEvent
{
    public required Guid DispositionId { get; init; }

    public required string FromName { get; init; }

    public DateOnly? Deadline { get; init; }

    /// <summary>The disposer's position (jabatan), as people name each other in an office.</summary>
    public string? FromPosition { get; init; }

    /// <summary>Who received it, as said aloud: the recipient's position, or the unit when it went to a whole unit.</summary>
    public string? ToLabel { get; init; }

    public override string Summary =>
        $"Disposisi dari {FromName}: {About}{(Deadline is DateOnly d ? $", batas waktu {d:dd MMM yyyy}" : "")}.";

    public override string BoardLine => ToLabel is null
        ? Summary
        : $"{FromPosition ?? FromName} mendisposisikan {Short} kepada {ToLabel}.";

    /// <summary>The letter in a few words: a long subject is cut at a word and ends with an ellipsis.</summary>
    private string Short => Subject is null ? $"surat {AgendaNumber}" : $"surat \"{Shorten(Subject, 60)}\"";

    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(' ', ',', '.', ';', ':') + "…";
    }
}

/// <summary>A recipient opened a disposition; the disposer hears of it.</summary>
public sealed record DispositionRead : LetterEvent
{
    public required Guid DispositionId { get; init; }

    public required string ReaderName { get; init; }

    public override string Summary => $"{ReaderName} telah membaca disposisi {About}.";
}

/// <summary>A recipient finished a disposition with a follow-up report; the disposer hears of it.</summary>
public sealed record DispositionFinished : LetterEvent
{
    public required Guid DispositionId { get; init; }

    public required string RecipientName { get; init; }

    public override string Summary => $"{RecipientName} menyelesaikan disposisi {About} dengan laporan tindak lanjut.";
}

/// <summary>A disposition's deadline passed while it was still open; recipient and disposer hear of it, once.</summary>
public sealed record DispositionDeadlinePassed : LetterEvent
{
    public required Guid DispositionId { get; init; }

    public required string RecipientName { get; init; }

    public required DateOnly Deadline { get; init; }

    public override string Summary => $"Batas waktu disposisi {About} untuk {RecipientName} ({Deadline:dd MMM yyyy}) terlewati.";
}

/// <summary>Where a letter lives in the portal, and which letter a notification's link points to.</summary>
public static class LetterLink
{
    private const string Prefix = "/surat/";

    public static string For(Guid letterId) => $"{Prefix}{letterId}";

    public static Guid? LetterOf(string? link) =>
        link is not null && link.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(link.AsSpan(Prefix.Length), out var id) ? id : null;
}
