using Belu.Portal.Data;
using Belu.Portal.Features.Letters;

namespace Belu.Portal.Features.ElectronicLetters.Delivery;

/// <summary>
/// An outgoing register line with the trail of its electronic letter: when it was drafted and signed, who signed it
/// and in what capacity (a Plh signs with his own name), and where it went. A letter registered by the clerk after a
/// signature by hand has none of these: its trail is empty and its delivery is the register's own sent date.
/// </summary>
public sealed record RegisterTrail
{
    public required OutgoingLetter Letter { get; init; }

    public DateTime? DraftedAtUtc { get; init; }

    public DateTime? SignedAtUtc { get; init; }

    public string? SignedBy { get; init; }

    public string? SignedAs { get; init; }

    /// <summary>Internal addressees it reached (tembusan not counted), and how many of them opened it.</summary>
    public int Delivered { get; init; }

    public int Read { get; init; }

    /// <summary>Sendings recorded for external addressees.</summary>
    public int Dispatched { get; init; }

    /// <summary>Where the letter went, as the register says it in one cell; null for a letter without deliveries or sendings.</summary>
    public string? Delivery => DeliveryText(Delivered, Read, Dispatched);

    /// <summary>The signer as the signature block names him: "Nama (Plh. Kepala Dinas …)" when an acting official signed.</summary>
    public string? SignerLabel => SignerText(SignedBy, SignedAs);

    public static string? DeliveryText(int delivered, int read, int dispatched) => delivered == 0 && dispatched == 0 ? null
        : string.Join("; ", new[]
        {
            delivered == 0 ? null : $"diterima {delivered} (dibaca {read})",
            dispatched == 0 ? null : $"dikirim ke luar {dispatched}",
        }.Where(p => p is not null));

    public static string? SignerText(string? signedBy, string? signedAs) => signedBy is null ? null
        : signedAs is not null && (signedAs.StartsWith("Plh.", StringComparison.Ordinal) || signedAs.StartsWith("Plt.", StringComparison.Ordinal))
            ? $"{signedBy} ({signedAs})" : signedBy;

    /// <summary>The letters with their trails, in one query: scalar subqueries that every provider translates, in a
    /// member-init projection so that a caller can still select from it on the server.</summary>
    public static IQueryable<RegisterTrail> Of(PortalDbContext db, IQueryable<OutgoingLetter> letters) =>
        letters.Select(l => new RegisterTrail
        {
            Letter = l,
            DraftedAtUtc = db.ElectronicDrafts.Where(d => d.Id == l.SubmissionId).Select(d => (DateTime?)d.CreatedAtUtc).FirstOrDefault(),
            SignedAtUtc = db.Set<SignedLetter>().Where(s => s.OutgoingLetterId == l.Id).Select(s => (DateTime?)s.SignedAtUtc).FirstOrDefault(),
            SignedBy = db.Set<SignedLetter>().Where(s => s.OutgoingLetterId == l.Id).Select(s => s.SignerName).FirstOrDefault(),
            SignedAs = db.Set<SignedLetter>().Where(s => s.OutgoingLetterId == l.Id).Select(s => s.SignerPosition).FirstOrDefault(),
            Delivered = db.Set<LetterDelivery>().Count(d => d.OutgoingLetterId == l.Id && !d.IsCopy),
            Read = db.Set<LetterDelivery>().Count(d => d.OutgoingLetterId == l.Id && !d.IsCopy && d.ReadAtUtc != null),
            Dispatched = db.Set<LetterDispatch>().Count(d => d.OutgoingLetterId == l.Id),
        });
}
