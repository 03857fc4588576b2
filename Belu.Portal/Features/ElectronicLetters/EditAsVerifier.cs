using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// The person whose turn it is (a verifier, or the signer) changes the content: a new version whose difference from
/// the previous one every reader of the draft sees. The turn stays theirs: they initial, or return, after.
/// </summary>
public sealed class EditAsVerifier(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser,
    AuditLog audit, TimeProvider time)
{
    public async Task<DraftSaved> HandleAsync(Guid id, DraftContent content, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (draft, _) = await DraftScope.LoadForTurnAsync(db, dir, id, version, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (!await DraftWrites.ApplyAsync(db, draft, content, dir.Me, now, ct))
        {
            return new DraftSaved(draft.Version, draft.VersionNumber, draft.UpdatedAtUtc, false);
        }
        DraftScope.History(db, draft, dir, DraftAction.DiubahVerifikator, now);
        audit.Add(db, "draft.edited", draft.Id.ToString(), $"versi {draft.VersionNumber}{dir.ActingSuffix}");
        await db.SaveOrConflictAsync(ct);
        return new DraftSaved(draft.Version, draft.VersionNumber, now, true);
    }
}
