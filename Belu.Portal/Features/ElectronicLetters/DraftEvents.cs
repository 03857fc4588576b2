using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// A draft's news for the one person it concerns (bell, toast, push). The subject of a Rahasia or Sangat Rahasia
/// draft never travels in it; none reaches the wall board.
/// </summary>
public abstract record DraftEvent : PortalEvent
{
    public required Guid DraftId { get; init; }

    public string? Subject { get; init; }

    public override string? Link => DraftLink.For(DraftId);

    public override bool ShowOnBoard => false;

    protected string About => Subject is null ? "sebuah konsep naskah" : $"konsep naskah \"{Subject}\"";
}

/// <summary>A draft reached a verifier for paraf.</summary>
public sealed record DraftAwaitingInitial : DraftEvent
{
    public required string FromName { get; init; }

    public override string Summary => $"Perlu diparaf: {About} dari {FromName}.";
}

/// <summary>A draft reached its signer: every verifier has initialled.</summary>
public sealed record DraftAwaitingSignature : DraftEvent
{
    public required string FromName { get; init; }

    public override string Summary => $"Perlu ditandatangani: {About} dari {FromName}.";
}

/// <summary>A verifier (or the signer) returned a draft to its conceptor with notes.</summary>
public sealed record DraftReturned : DraftEvent
{
    public required string ByName { get; init; }

    public override string Summary => $"{ByName} mengembalikan {About} dengan catatan.";
}

/// <summary>
/// The signer signed the draft: it has its number now. Told to the conceptor; the wall boards that watch the OPD
/// (<see cref="PortalEvent.UnitId"/>) announce the letter, with its subject only when it is not secret.
/// </summary>
public sealed record DraftSigned : DraftEvent
{
    public required string ByName { get; init; }

    public required string Number { get; init; }

    /// <summary>The signer's capacity as the signature block says it (his jabatan), as people name each other aloud.</summary>
    public string? SignerPosition { get; init; }

    /// <summary>The kind of letter as a reader says it ("Surat Dinas").</summary>
    public string KindLabel { get; init; } = "naskah";

    public override string Summary => $"{ByName} menandatangani {About} dengan nomor {Number}.";

    public override bool ShowOnBoard => true;

    public override string BoardLine =>
        $"{SignerPosition ?? ByName} menandatangani {KindLabel} nomor {Number}{(Subject is null ? "" : $" \"{LetterDisposed.Shorten(Subject, 60)}\"")}.";
}

public static class DraftLink
{
    private const string Prefix = "/naskah/";

    public static string For(Guid draftId) => $"{Prefix}{draftId}";

    public static string EditorFor(Guid draftId) => $"{Prefix}{draftId}/ubah";

    /// <summary>The PDF of the draft: the signed file once signed, before that an unnumbered preview.</summary>
    public static string PdfFor(Guid draftId) => $"{Prefix}{draftId}/pdf";

    public static Guid? DraftOf(string? link) =>
        link is not null && link.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(link.AsSpan(Prefix.Length, Math.Min(36, link.Length - Prefix.Length)), out var id) ? id : null;
}
