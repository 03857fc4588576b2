using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>The checks every disposition command makes, and the one way a disposition's status moves (<see cref="DispositionRules"/>).</summary>
internal static class DispositionChecks
{
    /// <summary>Checks the caller may dispose (root) or forward (from a disposition of theirs); returns the version to hold.</summary>
    internal static Guid CheckMayDispose(IncomingLetter letter, Guid? parentId, LetterDirectory dir)
    {
        if (parentId is not Guid pid)
        {
            var isAddressee = letter.AddresseeId == dir.Me;
            var progress = LetterStateRules.Summarize(letter.Dispositions.Select(d => new DispositionSnapshot(d.Status, d.Deadline))).Progress;
            return DispositionRules.CheckDisposeLetter(progress, isAddressee) switch
            {
                null => letter.Version,
                var refusal when !isAddressee => throw new ForbiddenException(refusal),
                var refusal => throw new ValidationException(refusal),
            };
        }
        var parent = letter.Dispositions.FirstOrDefault(d => d.Id == pid) ?? throw new NotFoundException("Disposisi tidak ditemukan.");
        var error = DispositionRules.Check(DispositionAction.Forward,
            new DispositionFacts(parent.Status, parent.ToEmployeeId == dir.Me, parent.FromEmployeeId == dir.Me));
        return error is null ? parent.Version : throw new ForbiddenException(error);
    }

    internal static async Task<(IncomingLetter Letter, Disposition Disposition)> LoadForActionAsync(PortalDbContext db, LetterDirectory dir, Guid dispositionId, CancellationToken ct)
    {
        var letterId = await db.Dispositions.Where(d => d.Id == dispositionId).Select(d => (Guid?)d.LetterId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Disposisi tidak ditemukan.");
        var (letter, _) = await LetterScope.LoadVisibleAsync(db, dir, letterId, ct, "Disposisi tidak ditemukan.");
        return (letter, letter.Dispositions.Single(d => d.Id == dispositionId));
    }

    internal static int OpenForwards(Disposition d, IEnumerable<Disposition> all) =>
        all.Count(c => c.ParentId == d.Id && c.Status.IsOpen());

    internal static void Apply(DispositionAction action, Disposition d, LetterDirectory dir, Guid version, string? report = null, int openForwards = 0)
    {
        var facts = new DispositionFacts(d.Status, d.ToEmployeeId == dir.Me, d.FromEmployeeId == dir.Me, !string.IsNullOrWhiteSpace(report), openForwards);
        var error = DispositionRules.Check(action, facts);
        var involved = action == DispositionAction.Cancel ? facts.CallerIsDisposer : facts.CallerIsRecipient;
        if (!involved)
        {
            throw new ForbiddenException(error ?? "Anda tidak berwenang melakukan tindakan ini.");
        }
        if (d.Version != version)
        {
            throw new ConcurrencyException("Disposisi ini baru saja berubah (diteruskan, diselesaikan atau dibatalkan di tempat lain). Muat ulang lalu coba lagi.");
        }
        if (error is not null)
        {
            throw new ValidationException(error);
        }
    }

    /// <summary>
    /// Moves the disposition to the status the rules give for an allowed action, with the time of each step; a new
    /// version makes every form opened on the old one stale.
    /// </summary>
    internal static void Move(Disposition d, DispositionAction action, DateTime now)
    {
        d.Status = DispositionRules.Next(action, d.Status);
        switch (d.Status)
        {
            case DispositionStatus.Dibaca:
                d.ReadAtUtc ??= now;
                break;
            case DispositionStatus.Diproses:
                d.ReadAtUtc ??= now;
                d.ProcessingAtUtc ??= now;
                break;
            case DispositionStatus.Selesai:
                d.ReadAtUtc ??= now;
                d.FinishedAtUtc = now;
                break;
            case DispositionStatus.Dibatalkan:
                d.CancelledAtUtc = now;
                break;
        }
        d.Version = Guid.NewGuid();
    }
}
