using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>The letter list's filters (state, box, text, sender, unit, deadline), shared by the list, the exports and the charts.</summary>
internal static class LetterListFilters
{
    internal static IQueryable<IncomingLetter> InState(IQueryable<IncomingLetter> letters, LetterState state, DateOnly today, bool walk = false) =>
        walk ? InStateWalked(letters, state, today) : state switch
        {
            LetterState.BelumDidisposisi => letters.Where(l => l.Progress == LetterState.BelumDidisposisi),
            LetterState.Selesai => letters.Where(l => l.Progress == LetterState.Selesai),
            LetterState.Terlambat => letters.Where(l => l.Progress == LetterState.DalamProses && l.OpenDeadline != null && l.OpenDeadline < today),
            _ => letters.Where(l => l.Progress == LetterState.DalamProses && (l.OpenDeadline == null || l.OpenDeadline >= today)),
        };

    /// <summary>
    /// The same states for a walk along the list-order index (a page, newest first). SQLite has no statistics here,
    /// so given a condition on <c>Progress</c> it reads every match through the (Progress, OpenDeadline) index and
    /// sorts them all for one page: 14,000 overdue letters for the first 25. Written as <c>Progress + 0</c> the
    /// condition cannot be looked up (the idiom of SQLite's planner documentation), and the walk reads the list-order
    /// index, which covers Progress and OpenDeadline, and stops once the page is full. Counts keep the plain form.
    /// </summary>
    private static IQueryable<IncomingLetter> InStateWalked(IQueryable<IncomingLetter> letters, LetterState state, DateOnly today) => state switch
    {
        LetterState.BelumDidisposisi => letters.Where(l => (int)l.Progress + 0 == (int)LetterState.BelumDidisposisi),
        LetterState.Selesai => letters.Where(l => (int)l.Progress + 0 == (int)LetterState.Selesai),
        LetterState.Terlambat => letters.Where(l => (int)l.Progress + 0 == (int)LetterState.DalamProses && l.OpenDeadline != null && l.OpenDeadline < today),
        _ => letters.Where(l => (int)l.Progress + 0 == (int)LetterState.DalamProses && (l.OpenDeadline == null || l.OpenDeadline >= today)),
    };

    /// <summary>Letters that are not overdue, in the plain form or the walk's (<see cref="InStateWalked"/>).</summary>
    internal static IQueryable<IncomingLetter> NotOverdue(IQueryable<IncomingLetter> letters, DateOnly today, bool walk) => walk
        ? letters.Where(l => !((int)l.Progress + 0 == (int)LetterState.DalamProses && l.OpenDeadline != null && l.OpenDeadline < today))
        : letters.Where(l => !(l.Progress == LetterState.DalamProses && l.OpenDeadline != null && l.OpenDeadline < today));

    /// <summary>
    /// Terlambat as the viewer sees it: the overdue letters among the viewer's access keys, looked up by id. The same
    /// letters as <see cref="InState"/> gives over the visible letters, found from the keys instead of by walking every
    /// letter of the register in search of the few that are late.
    /// </summary>
    internal static IQueryable<IncomingLetter> Overdue(PortalDbContext db, LetterViewer viewer, IQueryable<IncomingLetter> letters, DateOnly today) =>
        FromKeys(db, viewer, letters, LetterState.Terlambat, today);

    private static IQueryable<IncomingLetter> FromKeys(PortalDbContext db, LetterViewer viewer, IQueryable<IncomingLetter> letters, LetterState state,
        DateOnly today)
    {
        var ids = LetterScope.InStateOf(db, viewer, state, today);
        return letters.Where(l => ids.Contains(l.Id));
    }

    /// <summary>
    /// The dashboard's boxes. Conditions on a letter's dispositions or copies are written as <c>Id IN (one list)</c>,
    /// not as a correlated EXISTS: given an EXISTS, SQLite without statistics probes the (person, status) index once per
    /// letter, which at 100,000 letters and a leader's thousands of dispositions never finishes.
    /// </summary>
    internal static IQueryable<IncomingLetter> InBox(PortalDbContext db, IQueryable<IncomingLetter> letters, LetterBox box, LetterViewer viewer, int me,
        DateOnly today)
    {
        IQueryable<IncomingLetter> Having(IQueryable<Guid> ids) => letters.Where(l => ids.Contains(l.Id));
        return box switch
        {
            // A delivered tembusan is addressed to its holder only to give him the letter; it lives in his Tembusan box.
            LetterBox.UntukSaya => letters.Where(l => l.AddresseeId == me && !l.IsCopy),
            LetterBox.BelumDibaca => letters.Where(l => l.AddresseeId == me && l.AddresseeReadAtUtc == null && !l.IsCopy),
            LetterBox.BelumDisposisi => letters.Where(l => l.AddresseeId == me && l.Progress == LetterState.BelumDidisposisi),
            LetterBox.DisposisiBelumDibaca => Having(db.Dispositions
                .Where(d => d.FromEmployeeId == me && d.Status == DispositionStatus.Baru).Select(d => d.LetterId)),
            LetterBox.BelumDitindaklanjuti => Having(db.Dispositions
                .Where(d => d.FromEmployeeId == me && (d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses))
                .Select(d => d.LetterId)),
            LetterBox.Terlambat => Overdue(db, viewer, letters, today),
            LetterBox.Tembusan => Having(db.LetterCopies.Where(c => c.EmployeeId == me).Select(c => c.LetterId)),
            LetterBox.TembusanBelumDibaca => Having(db.LetterCopies.Where(c => c.EmployeeId == me && c.ReadAtUtc == null).Select(c => c.LetterId)),
            _ => letters,
        };
    }

    /// <summary>Boxes whose every letter the caller reads by <see cref="LetterAccessRules"/> as addressee, disposer or tembusan holder.</summary>
    internal static bool BoxImpliesAccess(LetterBox box) => box is LetterBox.UntukSaya or LetterBox.BelumDibaca or LetterBox.BelumDisposisi
        or LetterBox.DisposisiBelumDibaca or LetterBox.BelumDitindaklanjuti or LetterBox.Tembusan or LetterBox.TembusanBelumDibaca;

    /// <summary>
    /// The list's filters over the letters the caller may see: one query for the page and the export. Pass
    /// <paramref name="walk"/> for a query that reads letters in list order and stops early (see <see cref="InStateWalked"/>).
    /// </summary>
    internal static IQueryable<IncomingLetter> Filter(PortalDbContext db, LetterDirectory dir, LetterQuery query, DateOnly today, bool few = false,
        bool walk = false, (long From, long To)? searchRange = null, List<Guid>? matched = null)
    {
        // A box of the caller's own letters (addressed to them, disposed by them, copied to them) holds only letters the
        // caller may read (LetterAccessRules: addressee, disposition party, tembusan holder), so it needs no access probe.
        var source = BoxImpliesAccess(query.Box) ? db.IncomingLetters.AsNoTracking() : LetterScope.Visible(db, dir.Viewer, few).AsNoTracking();
        var letters = InBox(db, source, query.Box, dir.Viewer, dir.Me, today);

        if (LetterWrites.FullTextQuery(query.Text) is string match)
        {
            // Given the range of the viewer's search keys, the search starts from the viewer's own letters (decision 0028);
            // when those were read beforehand (few), they go in as one array parameter and are looked up by id.
            if (matched is not null)
            {
                letters = letters.Where(l => EF.Parameter(matched).Contains(l.Id));
            }
            else if (searchRange is { } range)
            {
                var mine = LetterScope.Matching(db, dir.Viewer, match, range);
                letters = letters.Where(l => mine.Contains(l.Id));
            }
            else
            {
                var found = LetterWrites.SearchIncoming(db, match);
                letters = letters.Where(l => found.Contains(l.SearchKey));
            }
        }
        if (query.State is LetterState.Terlambat || (query.State is LetterState.BelumDidisposisi && db.Database.IsSqlite()))
        {
            // The states that hold few of a viewer's letters come from the keys (LetterScope.InStateOf). PostgreSQL's
            // planner, which has statistics, finds the letters not yet disposed faster by itself (measured: 19 ms
            // against 65 ms at a million letters), so there only Terlambat is read from the keys.
            letters = FromKeys(db, dir.Viewer, letters, query.State.Value, today);
        }
        else if (query.State is LetterState state)
        {
            letters = InState(letters, state, today, walk);
        }
        if (query.Security is SecurityClass security)
        {
            letters = letters.Where(l => l.Security == security);
        }
        if (query.Urgency is Urgency urgency)
        {
            letters = letters.Where(l => l.Urgency == urgency);
        }
        if (query.From is DateOnly from)
        {
            letters = letters.Where(l => l.ReceivedDate >= from);
        }
        if (query.To is DateOnly to)
        {
            letters = letters.Where(l => l.ReceivedDate <= to);
        }
        if (!string.IsNullOrWhiteSpace(query.Sender))
        {
            var sender = query.Sender.Trim();
            var start = LikePattern.StartsWith(sender);
            var word = "% " + LikePattern.StartsWith(sender);
            letters = letters.Where(l => EF.Functions.Like(l.Sender, start, LikePattern.EscapeCharacter) || EF.Functions.Like(l.Sender, word, LikePattern.EscapeCharacter));
        }
        if (query.UnitId is int unitId)
        {
            var units = dir.Tree.SubtreeOf(unitId).ToList();
            var disposedInto = db.Dispositions.Where(d => d.Status != DispositionStatus.Dibatalkan && units.Contains(d.ToUnitId)).Select(d => d.LetterId);
            letters = letters.Where(l => units.Contains(l.UnitId) || disposedInto.Contains(l.Id));
        }
        if (query.DeadlineBefore is DateOnly deadline)
        {
            letters = letters.Where(l => l.Progress == LetterState.DalamProses && l.OpenDeadline != null && l.OpenDeadline <= deadline);
        }
        return letters;
    }

    internal static IQueryable<Guid> NewestFirst(IQueryable<IncomingLetter> letters) => letters
        .OrderByDescending(l => l.ReceivedDate).ThenByDescending(l => l.AgendaYear).ThenByDescending(l => l.AgendaSequence)
        .ThenByDescending(l => l.Id)
        .Select(l => l.Id);
}
