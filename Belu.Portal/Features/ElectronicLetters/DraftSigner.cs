using Belu.Portal.Data;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Organization.Acting;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// Who puts his signature on a draft addressed to the signer's post: the official himself, or, while a Plh/Plt acts
/// for him (the caller chose "Bertindak sebagai Plh" and the appointment is in force today), the acting official with
/// his own certificate, passphrase, name and NIP, signing as "Plh. &lt;jabatan&gt;" (UU 30/2014 Pasal 14;
/// docs/domain/acting.md). <see cref="Capacity"/> is what the signature block, the signed letter and the track print.
/// </summary>
internal sealed record DraftSigner(Employee Person, ActingSpan? Acting)
{
    /// <summary>"Plh. Kepala Dinas …" while acting, otherwise the signer's own jabatan.</summary>
    public string Capacity => Acting?.Capacity ?? Person.Position;

    public SignatureBlock Block => Acting is { } a
        ? new SignatureBlock(a.PostTitle, Person.Name, Person.Rank, Person.Nip, $"{a.Kind}.")
        : new SignatureBlock(Person.Position, Person.Name, Person.Rank, Person.Nip);

    /// <summary>
    /// The signer of <paramref name="draft"/> for the caller, or a refusal: someone who is not its signer (nor acts for
    /// him today), or an acting official before a letter kind reserved for the definitive official (403, nothing signed,
    /// no number taken: this runs before the register's counter is touched).
    /// </summary>
    public static async Task<DraftSigner> ResolveAsync(PortalDbContext db, LetterDirectory dir, ElectronicDraft draft, ActingOptions options, CancellationToken ct)
    {
        if (draft.SignerId != dir.Me)
        {
            throw new ForbiddenException("Hanya penandatangan yang dapat menandatangani naskah ini.");
        }
        if (dir.Acting is { } acting && !options.MaySign(draft.Kind))
        {
            throw new ForbiddenException(ActingLimits.SignRefusal(acting, draft.Kind));
        }
        var person = await db.Employees.AsNoTracking().SingleAsync(e => e.Id == dir.ActorId, ct);
        return new DraftSigner(person, dir.Acting);
    }

    /// <summary>
    /// The signature block a preview shows: the printed one once signed; before that the signer's own, or, for his
    /// Plh/Plt looking as the post, the block he is about to sign with, so the final PDF he reviews is the one he signs.
    /// </summary>
    public static async Task<SignatureBlock> PreviewBlockAsync(PortalDbContext db, LetterDirectory dir, ElectronicDraft draft, CancellationToken ct)
    {
        // Once signed, the block is the one printed, whoever looks: the Kadis sees his Plh's signature, not his own.
        var printed = await db.Set<SignedLetter>().AsNoTracking().Where(l => l.DraftId == draft.Id)
            .Select(l => new { l.SignerPosition, l.SignerName, l.SignerNip, l.SignerEmployeeId }).FirstOrDefaultAsync(ct);
        if (printed is not null)
        {
            var rank = await db.Employees.AsNoTracking().Where(e => e.Id == printed.SignerEmployeeId).Select(e => e.Rank).FirstOrDefaultAsync(ct);
            return new SignatureBlock(printed.SignerPosition, printed.SignerName, rank, printed.SignerNip);
        }
        var personId = dir.Acting is not null && draft.SignerId == dir.Me ? dir.ActorId : draft.SignerId;
        var person = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == personId, ct);
        return person is null ? new SignatureBlock("", "", null, null) : new DraftSigner(person, personId == draft.SignerId ? null : dir.Acting).Block;
    }
}
