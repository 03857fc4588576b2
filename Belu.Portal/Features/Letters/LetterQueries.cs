using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Letters;

/// <summary>
/// The read models of incoming letters: the list, the leader's counters and a letter's details. Nothing here writes:
/// opening a letter (read marks, audit) is <see cref="OpenLetter"/>, printing it is <see cref="PrintLetter"/>.
/// </summary>
public sealed class LetterQueries(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    OfficeClock clock,
    IOptions<LettersOptions> options)
{
    /// <summary>Matching letters up to which a search reads them first and passes them on as one array parameter.</summary>
    internal const int FewMatches = 5_000;

    /// <summary>From this many rows skipped, a page is read from the viewer's access set and sorted, not walked to.</summary>
    internal const int DeepSkip = 1_000;

    public async Task<PagedResult<LetterRow>> SearchAsync(LetterQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        var few = await LetterScope.SeesFewAsync(db, dir.Viewer, ct);
        (long, long)? range = null;
        List<Guid>? matched = null;
        if (LetterWrites.FullTextQuery(query.Text) is string match && db.Database.IsSqlite())
        {
            // The viewer's letters that match are read once, not once for the count and again for each walk. On
            // PostgreSQL this join of the keys with the text index planned badly at a million letters (seconds), so
            // there the search keeps the text index's own subquery.
            var span = await LetterScope.SearchRangeAsync(db, dir.Viewer, ct);
            var found = await LetterScope.Matching(db, dir.Viewer, match, span).Distinct().Take(FewMatches + 1).ToListAsync(ct);
            (range, matched) = (span, found.Count <= FewMatches ? found : null);
        }
        var letters = LetterListFilters.Filter(db, dir, query, today, few, searchRange: range, matched: matched);
        var skip = Math.Max(0, query.Skip);
        var take = Math.Clamp(query.Take, 1, 200);

        // Counted up to the limit: beyond it the list says "lebih dari" instead of probing every visible letter.
        var limit = Math.Max(1, options.Value.ListCountLimit);
        var counted = await letters.Take(limit + 1).CountAsync(ct);
        // Overdue letters first, then the rest, each newest first: two walks along the (received date, agenda number)
        // index that stop once the page is full, instead of one sort of every letter the viewer may see. Only keys are
        // read; the page's rows are fetched by id afterwards. On SQLite the walks write the state in the form that keeps
        // it off the state index (InStateWalked); PostgreSQL's planner has statistics and chooses by itself.
        // A deep page (DeepSkip) reads the viewer's letters from the access set and sorts them, instead of walking the
        // register past thousands of visible rows.
        var walk = db.Database.IsSqlite();
        var deep = skip >= DeepSkip;
        var walked = walk || (deep && !few) ? LetterListFilters.Filter(db, dir, query, today, few || deep, walk, range, matched) : letters;
        // The overdue-first part of an ordinary page keeps its walk (measured at a million letters: reading the overdue
        // letters from the keys costs an OPD head 10 ms on every page, the walk less); the Terlambat filter and box
        // read them from the keys (LetterListFilters.Filter), where the walk would cross the whole register.
        var overdue = LetterListFilters.InState(walked, LetterState.Terlambat, today, walk);
        var others = LetterListFilters.NotOverdue(walked, today, walk);
        var ids = await LetterListFilters.NewestFirst(overdue).Skip(skip).Take(take).ToListAsync(ct);
        if (ids.Count < take)
        {
            var overdueTotal = ids.Count > 0 || skip == 0 ? skip + ids.Count : await LetterListFilters.Overdue(db, dir.Viewer, letters, today).CountAsync(ct);
            ids.AddRange(await LetterListFilters.NewestFirst(others).Skip(Math.Max(0, skip - overdueTotal)).Take(take - ids.Count).ToListAsync(ct));
        }
        var rows = (await db.IncomingLetters.AsNoTracking()
            .Where(l => ids.Contains(l.Id))
            .Select(l => new
            {
                l.Id, l.AgendaNumber, l.SenderNumber, l.LetterDate, l.ReceivedDate, l.Sender, l.Subject, l.Security, l.Urgency,
                l.Progress, l.OpenDeadline, l.AddresseeId, l.UnitId, l.IsCopy,
            })
            .ToListAsync(ct)).ToDictionary(r => r.Id);
        return new(ids.Select(id => rows[id]).Select(r => new LetterRow(r.Id, r.AgendaNumber, r.SenderNumber, r.LetterDate, r.ReceivedDate, r.Sender, r.Subject,
            r.Security, r.Urgency, LetterStateRules.FromSummary(new(r.Progress, r.OpenDeadline), today), r.OpenDeadline,
            dir.NameOf(r.AddresseeId), dir.UnitName(r.UnitId), r.IsCopy)).ToList(), Math.Min(counted, limit), counted > limit);
    }

    /// <summary>
    /// The leader's counters, exact and read from indexes alone (decision 0028): the states of the letters the viewer
    /// may see from the grants, which carry each letter's progress and open deadline; the boxes of the viewer's own
    /// letters (addressed, disposed or copied to them, which they always see) from the letters', dispositions' and
    /// copies' own indexes. No letter row is read, so the cost follows the viewer's access set, not the register.
    /// </summary>
    public async Task<LetterDashboard> GetDashboardAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        var me = dir.Me;
        var states = await LetterScope.GrantsOf(db, dir.Viewer)
            .Select(g => new { g.LetterId, g.Progress, g.OpenDeadline })
            .Distinct()
            .GroupBy(l => 1)
            .Select(g => new
            {
                InScope = g.Count(),
                Overdue = g.Count(l => l.Progress == LetterState.DalamProses && l.OpenDeadline != null && l.OpenDeadline < today),
                InProgress = g.Count(l => l.Progress == LetterState.DalamProses && (l.OpenDeadline == null || l.OpenDeadline >= today)),
                Done = g.Count(l => l.Progress == LetterState.Selesai),
            })
            .SingleOrDefaultAsync(ct);
        var unread = await db.IncomingLetters.CountAsync(l => l.AddresseeId == me && l.AddresseeReadAtUtc == null && !l.IsCopy, ct);
        var notDisposed = await db.IncomingLetters.CountAsync(l => l.AddresseeId == me && l.Progress == LetterState.BelumDidisposisi, ct);
        var dispositionsUnread = await db.Dispositions.Where(d => d.FromEmployeeId == me && d.Status == DispositionStatus.Baru)
            .Select(d => d.LetterId).Distinct().CountAsync(ct);
        var notFollowedUp = await db.Dispositions
            .Where(d => d.FromEmployeeId == me && (d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses))
            .Select(d => d.LetterId).Distinct().CountAsync(ct);
        var copiesUnread = await db.LetterCopies.Where(c => c.EmployeeId == me && c.ReadAtUtc == null).Select(c => c.LetterId).Distinct().CountAsync(ct);
        var mine = await db.Dispositions.CountAsync(d => d.ToEmployeeId == me
            && (d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses), ct);
        return new LetterDashboard(unread, notDisposed, dispositionsUnread, notFollowedUp, states?.Overdue ?? 0, copiesUnread,
            states?.InScope ?? 0, states?.InProgress ?? 0, states?.Done ?? 0, mine);
    }

    /// <summary>
    /// The letter with its tree and track, as the caller may see it, without side effects: no read mark, no audit line,
    /// no announcement. A user opening the letter goes through <see cref="OpenLetter"/> instead.
    /// </summary>
    /// <exception cref="NotFoundException">No such letter, or not in the caller's scope (never told apart).</exception>
    public async Task<LetterDetail> GetDetailsAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (letter, relation) = await LetterScope.LoadVisibleAsync(db, dir, id, ct);
        return await DetailOfAsync(db, dir, letter, relation, clock.Today, ct);
    }

    /// <summary>The details of a loaded letter with its track (lacak surat), oldest line first.</summary>
    internal static async Task<LetterDetail> DetailOfAsync(PortalDbContext db, LetterDirectory dir, IncomingLetter letter, LetterRelation relation,
        DateOnly today, CancellationToken ct)
    {
        var track = await db.LetterTrack.AsNoTracking().Where(t => t.LetterId == letter.Id).OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
            .Select(t => new TrackLine(t.AtUtc, t.Kind, t.ActorName, t.Text)).ToListAsync(ct);
        return ToDetail(letter, relation, dir, track, today);
    }

    private static LetterDetail ToDetail(IncomingLetter l, LetterRelation relation, LetterDirectory dir, IReadOnlyList<TrackLine> track, DateOnly today)
    {
        var me = dir.Me;
        var hasSubordinates = dir.SubordinatesOf(me).Count > 0;
        var files = l.Files.Where(f => f.DispositionId is null).OrderBy(f => f.UploadedAtUtc)
            .Select(f => new FileRef(f.Id, f.FileName, f.ContentType, f.Length)).ToList();
        var reportFiles = l.Files.Where(f => f.DispositionId is not null).ToDictionary(f => f.DispositionId!.Value, f => new FileRef(f.Id, f.FileName, f.ContentType, f.Length));
        var dispositions = l.Dispositions.OrderBy(d => d.CreatedAtUtc).ThenBy(d => d.Id).Select(d =>
        {
            var mine = d.ToEmployeeId == me;
            var open = d.Status.IsOpen();
            var openForwards = l.Dispositions.Count(c => c.ParentId == d.Id && c.Status.IsOpen());
            return new DispositionView(d.Id, d.ParentId, dir.Ref(d.FromEmployeeId), dir.Ref(d.ToEmployeeId), dir.UnitName(d.ToUnitId), d.ToWholeUnit,
                d.Instructions, d.Note, d.Deadline, d.Status, d.CreatedAtUtc, d.ReadAtUtc, d.FinishedAtUtc, d.Report,
                reportFiles.GetValueOrDefault(d.Id), LetterStateRules.IsOverdue(d.Status, d.Deadline, today),
                mine, d.FromEmployeeId == me && d.Status == DispositionStatus.Baru,
                mine && open && hasSubordinates, mine && d.Status is DispositionStatus.Baru or DispositionStatus.Dibaca,
                mine && open && openForwards == 0, d.Version,
                d.ActedAs is null ? null : new ActingSigner(d.ActedAs, d.ActedByName ?? "", d.ActedByNip));
        }).ToList();
        var copies = l.Copies.Select(c => new CopyRef(dir.NameOf(c.EmployeeId), dir.Ref(c.EmployeeId).Position,
            c.UnitId is int u ? dir.UnitName(u) : null, c.ReadAtUtc)).ToList();
        var summary = LetterStateRules.Summarize(l.Dispositions.Select(d => new DispositionSnapshot(d.Status, d.Deadline)));
        var state = LetterStateRules.FromSummary(summary, today);
        return new LetterDetail(l.Id, l.AgendaNumber, l.UnitId, dir.UnitName(l.UnitId), dir.Tree.Contains(l.UnitId) ? dir.Tree[l.UnitId].Code : "",
            l.SenderNumber, l.LetterDate, l.ReceivedDate, l.Sender, l.Subject, l.Summary, l.Security, l.Urgency, l.ClassificationCode,
            dir.Ref(l.AddresseeId), dir.Ref(l.RegisteredById), l.RegisteredAtUtc, state, relation, files, copies, dispositions, track,
            !l.IsCopy && DispositionRules.CheckDisposeLetter(summary.Progress, l.AddresseeId == me) is null, l.Version, l.IsCopy);
    }
}
