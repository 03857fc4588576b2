using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>The read models of dispositions: the disposition form's choices, the instruction list and "Disposisi untuk saya".</summary>
public sealed class DispositionQueries(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    OfficeClock clock)
{
    /// <summary>What the caller may choose when disposing the letter (no parent) or forwarding a disposition of theirs.</summary>
    public async Task<DispositionForm> GetFormAsync(Guid letterId, Guid? parentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (letter, _) = await LetterScope.LoadVisibleAsync(db, dir, letterId, ct);
        var version = DispositionChecks.CheckMayDispose(letter, parentId, dir);
        var instructions = await db.DispositionInstructions.AsNoTracking().Where(i => i.IsActive)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Text).Select(i => i.Text).ToListAsync(ct);
        return new DispositionForm(letter.Id, parentId, letter.AgendaNumber, letter.Subject, RecipientsFor(dir), instructions, clock.Today, version);
    }

    /// <summary>The active instruction list, in the admin's order (the lembar disposisi prints every choice).</summary>
    public async Task<IReadOnlyList<string>> GetInstructionTextsAsync(CancellationToken ct = default)
    {
        currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DispositionInstructions.AsNoTracking().Where(i => i.IsActive)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Text).Select(i => i.Text).ToListAsync(ct);
    }

    private static List<RecipientOption> RecipientsFor(LetterDirectory dir)
    {
        var me = dir.MeRow;
        var people = dir.SubordinatesOf(me.Id);
        var units = dir.Tree.SubtreeOf(me.UnitId).Where(u => u != me.UnitId && dir.Tree[u].IsActive)
            .Select(u => (Unit: dir.Tree[u], Head: dir.HeadOf(u)))
            .Where(x => x.Head is not null && dir.IsSubordinateOf(x.Head.Id, me.Id))
            .OrderBy(x => dir.Tree.PathOf(x.Unit.Id), StringComparer.Ordinal)
            .Select(x => new RecipientOption($"u{x.Unit.Id}", x.Unit.Id, true, x.Unit.Name, $"Kepala: {x.Head!.Name}"));
        var persons = people
            .OrderBy(p => p.SuperiorId == me.Id ? 0 : 1).ThenBy(p => dir.Tree.PathOf(p.UnitId), StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new RecipientOption($"p{p.Id}", p.Id, false, p.Name, $"{p.Position} · {dir.UnitName(p.UnitId)}"));
        return [.. units, .. persons];
    }

    /// <summary>"Disposisi untuk saya" (or, with <c>Sent</c>, the ones the caller gave), overdue first.</summary>
    public async Task<PagedResult<MyDispositionRow>> SearchMineAsync(MyDispositionQuery query, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        var items = db.Dispositions.AsNoTracking().Where(d => query.Sent ? d.FromEmployeeId == me : d.ToEmployeeId == me);
        items = query.Status is DispositionStatus status
            ? items.Where(d => d.Status == status)
            : items.Where(d => d.Status != DispositionStatus.Dibatalkan);
        if (query.OverdueOnly)
        {
            items = items.Where(d => d.Deadline != null && d.Deadline < today
                && (d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses));
        }
        var total = await items.CountAsync(ct);
        // The page is chosen from the recipient's (or disposer's) index alone, which holds every column of the order
        // and the key; only the chosen rows are then read with their letters. Sorting whole rows joined to their
        // letters read every disposition a head of division ever received (30,000 rows) for a page of 25.
        var page = await items
            .OrderByDescending(d => d.Deadline != null && d.Deadline < today
                && (d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses))
            .ThenBy(d => d.Status == DispositionStatus.Selesai)
            .ThenByDescending(d => d.CreatedAtUtc)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .Select(d => d.Id)
            .ToListAsync(ct);
        var found = (await db.Dispositions.AsNoTracking()
            .Where(d => page.Contains(d.Id))
            .Select(d => new
            {
                d.Id, d.LetterId, d.Letter!.AgendaNumber, d.Letter.Subject, d.Letter.Sender, d.FromEmployeeId, d.ToEmployeeId,
                d.Instructions, d.Deadline, d.Status, d.CreatedAtUtc, d.Letter.Urgency,
            })
            .ToListAsync(ct)).ToDictionary(r => r.Id);
        var rows = page.Where(found.ContainsKey).Select(id => found[id]);
        return new(rows.Select(r => new MyDispositionRow(r.Id, r.LetterId, r.AgendaNumber, r.Subject, r.Sender, dir.NameOf(r.FromEmployeeId),
            dir.NameOf(r.ToEmployeeId), r.Instructions, r.Deadline, r.Status, LetterStateRules.IsOverdue(r.Status, r.Deadline, today),
            r.CreatedAtUtc, r.Urgency)).ToList(), total);
    }
}
