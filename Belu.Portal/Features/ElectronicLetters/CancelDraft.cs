using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>The conceptor cancels a draft that is not yet signed; it stays readable, with its history, and takes no number.</summary>
public sealed class CancelDraft(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser,
    AuditLog audit, TimeProvider time)
{
    public async Task HandleAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (draft, relation) = await DraftScope.LoadVisibleAsync(db, dir, id, ct);
        if (relation != DraftRelation.Conceptor)
        {
            throw new ForbiddenException("Hanya konseptor yang dapat membatalkan konsep ini.");
        }
        if (draft.Status == DraftStatus.Dibatalkan)
        {
            throw new ValidationException("Konsep ini sudah dibatalkan.");
        }
        DraftScope.RequireVersion(draft, version);
        var now = time.GetUtcNow().UtcDateTime;
        draft.Status = DraftStatus.Dibatalkan;
        draft.CurrentStep = null;
        DraftScope.Touch(draft, now);
        DraftScope.History(db, draft, dir.Me, DraftAction.Dibatalkan, now);
        audit.Add(db, "draft.cancelled", draft.Id.ToString());
        await db.SaveOrConflictAsync(ct);
    }
}
