using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters.Srikandi;

/// <summary>The letter a SRIKANDI record belongs to: its register unit, and whether the caller may see it.</summary>
internal static class SrikandiLetters
{
    public static IQueryable<SrikandiRecord> Records(PortalDbContext db, SrikandiTarget target) =>
        target.Register == LetterRegister.Incoming
            ? db.SrikandiRecords.Where(r => r.IncomingLetterId == target.LetterId)
            : db.SrikandiRecords.Where(r => r.OutgoingLetterId == target.LetterId);

    /// <summary>The unit whose register holds the letter, and how the audit log names it (its agenda or letter number).</summary>
    /// <exception cref="NotFoundException">No such letter.</exception>
    public static async Task<(int UnitId, string Reference)> UnitOfAsync(PortalDbContext db, SrikandiTarget target, CancellationToken ct)
    {
        var letter = target.Register == LetterRegister.Incoming
            ? await db.IncomingLetters.AsNoTracking().Where(l => l.Id == target.LetterId).Select(l => new { l.UnitId, Reference = l.AgendaNumber }).FirstOrDefaultAsync(ct)
            : await db.OutgoingLetters.AsNoTracking().Where(l => l.Id == target.LetterId).Select(l => new { l.UnitId, Reference = l.Number }).FirstOrDefaultAsync(ct);
        return letter is null ? throw new NotFoundException("Surat tidak ditemukan.") : (letter.UnitId, letter.Reference);
    }

    /// <summary>Whether the caller sees the letter at all (the same rules as its page); a letter out of scope is "not found".</summary>
    /// <exception cref="NotFoundException">No such letter, or out of the caller's scope.</exception>
    public static async Task<int> RequireVisibleAsync(PortalDbContext db, LetterDirectory dir, SrikandiTarget target, CancellationToken ct)
    {
        if (target.Register == LetterRegister.Incoming)
        {
            var (letter, _) = await LetterScope.LoadVisibleAsync(db, dir, target.LetterId, ct);
            return letter.UnitId;
        }
        var outgoing = await db.OutgoingLetters.AsNoTracking().FirstOrDefaultAsync(o => o.Id == target.LetterId, ct);
        return outgoing is not null && OutgoingLetterService.CanSee(dir.Viewer, outgoing)
            ? outgoing.UnitId
            : throw new NotFoundException("Surat tidak ditemukan.");
    }
}
