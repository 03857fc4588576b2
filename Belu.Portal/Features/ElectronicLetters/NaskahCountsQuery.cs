using Belu.Portal.Data;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>The dashboard's counters of electronic letters, as SRIKANDI's dashboard shows them.</summary>
/// <param name="ToInitial">Drafts whose turn to initial (paraf) is the caller's.</param>
/// <param name="ToSign">Drafts waiting for the caller's signature.</param>
/// <param name="SignedNotSent">Letters of the outgoing register the caller may see that have gone nowhere yet.</param>
public sealed record NaskahCounts(int ToInitial, int ToSign, int SignedNotSent);

/// <summary>Counts for the caller, reading only: the same conditions as the Konsep Naskah page's waiting list and the
/// outgoing register's "belum dikirim" filter, so that a counter's number is what its link shows.</summary>
public sealed class NaskahCountsQuery(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser)
{
    public async Task<NaskahCounts> ForMeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var me = dir.Me;
        var turns = await Turns(db).Where(s => s.EmployeeId == me)
            .GroupBy(s => s.Role).Select(g => new { Role = g.Key, N = g.Count() }).ToListAsync(ct);
        // Every letter of the outgoing register is signed, electronically or by hand, before it is numbered.
        var notSent = await OutgoingLetterService.Visible(db, dir.Viewer).AsNoTracking().CountAsync(l => l.SentDate == null, ct);
        return new NaskahCounts(
            turns.Where(t => t.Role != DraftStepRole.Penandatangan).Sum(t => t.N),
            turns.Where(t => t.Role == DraftStepRole.Penandatangan).Sum(t => t.N),
            notSent);
    }

    /// <summary>The steps whose turn it is: one per draft under review or awaiting its signature (also the morning digest's count).</summary>
    internal static IQueryable<DraftStep> Turns(PortalDbContext db) =>
        from draft in db.ElectronicDrafts
        join step in db.DraftSteps on draft.Id equals step.DraftId
        where (draft.Status == DraftStatus.Verifikasi || draft.Status == DraftStatus.MenungguTandaTangan) && step.Order == draft.CurrentStep
        select step;
}
