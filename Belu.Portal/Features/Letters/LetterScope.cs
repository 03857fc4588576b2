using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>Which letters a viewer may see, and loading one letter only when the caller may see it.</summary>
internal static class LetterScope
{
    /// <summary>
    /// Below this many access keys a viewer's letters are read from the access set (an index range, then a small
    /// sort); above it, the letters are walked in list order and each is probed against the set.
    /// </summary>
    internal const int FewGrants = 2_000;

    /// <summary>
    /// Letters the viewer may see (the query form of <see cref="LetterAccessRules"/>): the letter's stored grants meet
    /// the viewer's keys (<see cref="LetterGrantRules"/>). Two shapes with the same answer: for a viewer with
    /// <paramref name="few"/> letters the access set drives (<c>Id IN (grants)</c>); for a leader who sees most of the
    /// register each letter is probed (<c>EXISTS</c>), so a list ordered by an index stops after its page.
    /// </summary>
    internal static IQueryable<IncomingLetter> Visible(PortalDbContext db, LetterViewer viewer, bool few = false)
    {
        var grants = GrantsOf(db, viewer);
        return few
            ? db.IncomingLetters.Where(l => grants.Select(g => g.LetterId).Contains(l.Id))
            : db.IncomingLetters.Where(l => grants.Any(g => g.LetterId == l.Id));
    }

    internal static IQueryable<LetterGrant> GrantsOf(PortalDbContext db, LetterViewer viewer)
    {
        var keys = LetterGrantRules.Of(viewer);
        var me = keys.EmployeeId;
        var own = keys.OwnUnits.ToList();
        var overseen = keys.OverseenUnits.ToList();
        if (keys.AlsoActsFor.Count > 0)
        {
            // An acting official also reads what is addressed to the post he holds today; everyone else keeps the one-key probe.
            var people = keys.AlsoActsFor.Append(me).ToList();
            return db.LetterGrants.Where(g => (g.Kind == GrantKind.Person && people.Contains(g.PrincipalId))
                || (g.Kind == GrantKind.Unit && own.Contains(g.PrincipalId))
                || (g.Kind == GrantKind.DisposedUnit && overseen.Contains(g.PrincipalId)));
        }
        return db.LetterGrants.Where(g => (g.Kind == GrantKind.Person && g.PrincipalId == me)
            || (g.Kind == GrantKind.Unit && own.Contains(g.PrincipalId))
            || (g.Kind == GrantKind.DisposedUnit && overseen.Contains(g.PrincipalId)));
    }

    /// <summary>
    /// The letters the viewer may see that are in a state that holds few of them (Terlambat, Belum didisposisi), read
    /// from the viewer's access keys alone: each key carries its letter's progress and open deadline
    /// (<see cref="LetterGrants.RefreshAsync"/>), so the few are found without walking the register in search of them
    /// (decision 0028).
    /// </summary>
    internal static IQueryable<Guid> InStateOf(PortalDbContext db, LetterViewer viewer, LetterState state, DateOnly today)
    {
        var keys = GrantsOf(db, viewer);
        return (state switch
        {
            LetterState.Terlambat => keys.Where(g => g.Progress == LetterState.DalamProses && g.OpenDeadline != null && g.OpenDeadline < today),
            LetterState.BelumDidisposisi => keys.Where(g => g.Progress == LetterState.BelumDidisposisi),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Only the states that hold few letters are read from the keys."),
        }).Select(g => g.LetterId);
    }

    /// <summary>
    /// The viewer's letters whose text matches, found from the viewer's keys: the full-text hits within the range of
    /// search keys the viewer's letters span (<see cref="SearchRangeAsync"/>), met with the keys' own copy of each
    /// letter's search key. Exactly the visible letters that match, without probing the regency's other hits.
    /// </summary>
    internal static IQueryable<Guid> Matching(PortalDbContext db, LetterViewer viewer, string match, (long From, long To) range)
    {
        var found = LetterWrites.SearchIncoming(db, match, range.From, range.To);
        return GrantsOf(db, viewer).Where(g => found.Contains(g.SearchKey)).Select(g => g.LetterId);
    }

    /// <summary>The lowest and highest search key among the viewer's letters; (0, -1), an empty range, when there are none.</summary>
    internal static async Task<(long From, long To)> SearchRangeAsync(PortalDbContext db, LetterViewer viewer, CancellationToken ct)
    {
        var range = await GrantsOf(db, viewer).GroupBy(g => 1)
            .Select(g => new { From = g.Min(k => k.SearchKey), To = g.Max(k => k.SearchKey) })
            .SingleOrDefaultAsync(ct);
        return range is null ? (0, -1) : (range.From, range.To);
    }

    /// <summary>Does the viewer hold few access keys (<see cref="FewGrants"/>)? One bounded count over the grants index.</summary>
    internal static async Task<bool> SeesFewAsync(PortalDbContext db, LetterViewer viewer, CancellationToken ct) =>
        await GrantsOf(db, viewer).Take(FewGrants).CountAsync(ct) < FewGrants;

    internal static async Task<IncomingLetter?> LoadLetterAsync(PortalDbContext db, Guid id, CancellationToken ct) =>
        await db.IncomingLetters
            .Include(l => l.Dispositions)
            .Include(l => l.Copies)
            .Include(l => l.Files)
            .AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id, ct);

    internal static async Task<(IncomingLetter Letter, LetterRelation Relation)> LoadVisibleAsync(
        PortalDbContext db, LetterDirectory dir, Guid id, CancellationToken ct, string message = "Surat tidak ditemukan.")
    {
        var letter = await LoadLetterAsync(db, id, ct) ?? throw new NotFoundException(message);
        var relation = LetterAccessRules.RelationOf(dir.Viewer, Facts(letter));
        return relation == LetterRelation.None ? throw new NotFoundException(message) : (letter, relation);
    }

    internal static LetterAccessFacts Facts(IncomingLetter l) => new(
        l.UnitId, l.Security, l.AddresseeId,
        l.Dispositions.Select(d => new DispositionEdge(d.FromEmployeeId, d.ToEmployeeId, d.ToUnitId, d.Status)).ToList(),
        l.Copies.Select(c => c.EmployeeId).ToList());
}
