using Belu.Portal.Data;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// The conceptor saves (the editor autosaves) a draft still in their hands. Optimistic: the save names the version it
/// was made on, and a save on an older one (a second tab, a second editor) is refused rather than overwriting.
/// A save that changed something keeps a new version; one that changed nothing keeps none.
/// </summary>
public sealed class SaveDraft(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser, TimeProvider time)
{
    public async Task<DraftSaved> HandleAsync(Guid id, DraftContent content, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var draft = await DraftScope.LoadForConceptorAsync(db, dir, id, version, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await DraftWrites.ApplyAsync(db, draft, content, dir.Me, now, ct);
        if (changed)
        {
            await db.SaveOrConflictAsync(ct);
        }
        return new DraftSaved(draft.Version, draft.VersionNumber, changed ? now : draft.UpdatedAtUtc, changed);
    }
}
