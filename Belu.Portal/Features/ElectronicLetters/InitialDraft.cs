using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// The verifier whose turn it is initials (paraf) the version they saw; the draft moves to the next verifier, or to the
/// signer after the last one, and that person hears of it. Nobody else can initial, and no step is initialled twice.
/// </summary>
public sealed class InitialDraft(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser,
    AuditLog audit, Announcer announcer, TimeProvider time)
{
    public async Task<Guid> HandleAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (draft, step) = await DraftScope.LoadForTurnAsync(db, dir, id, version, ct);
        if (step.Role != DraftStepRole.Verifikator)
        {
            throw new ValidationException("Penandatangan tidak memaraf: konsep ini menunggu tanda tangan.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        (step.State, step.ActedAtUtc) = (DraftStepState.Diparaf, now);
        var next = draft.Steps.Where(s => s.Order > step.Order).OrderBy(s => s.Order).First();
        draft.CurrentStep = next.Order;
        draft.Status = next.Role == DraftStepRole.Penandatangan ? DraftStatus.MenungguTandaTangan : DraftStatus.Verifikasi;
        DraftScope.Touch(draft, now);
        DraftScope.History(db, draft, dir, DraftAction.Diparaf, now);
        audit.Add(db, "draft.initialled", draft.Id.ToString(), $"versi {draft.VersionNumber}{dir.ActingSuffix}");
        await announcer.SaveAndAnnounceAsync(db, null, [DraftTurn.EventFor(draft, next, dir.NameOf(draft.ConceptorId), now)], ct);
        return draft.Version;
    }
}
