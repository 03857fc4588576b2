using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// The conceptor sends a complete draft to its chain: the first verifier (or the signer, with no verifiers) hears of
/// it. A returned draft sent again starts the chain from the beginning.
/// </summary>
public sealed class SendForReview(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser,
    AuditLog audit, Announcer announcer, TimeProvider time)
{
    public async Task<Guid> HandleAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var draft = await DraftScope.LoadForConceptorAsync(db, dir, id, version, ct);
        var errors = DraftChecks.ForSending(draft.Kind, DraftContent.FromJson(draft.ContentJson));
        if (errors.Count > 0)
        {
            throw new ValidationException("Konsep belum lengkap: " + string.Join(" ", errors.Values.Distinct()), errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var step in draft.Steps)
        {
            (step.State, step.ActedAtUtc, step.Note) = (DraftStepState.Menunggu, null, null);
        }
        var first = draft.Steps.OrderBy(s => s.Order).First();
        draft.CurrentStep = first.Order;
        draft.Status = first.Role == DraftStepRole.Penandatangan ? DraftStatus.MenungguTandaTangan : DraftStatus.Verifikasi;
        DraftScope.Touch(draft, now);
        DraftScope.History(db, draft, dir.Me, DraftAction.Dikirim, now);
        audit.Add(db, "draft.sent", draft.Id.ToString(), draft.Kind.Label());
        await announcer.SaveAndAnnounceAsync(db, null, [DraftTurn.EventFor(draft, first, dir.NameOf(draft.ConceptorId), now)], ct);
        return draft.Version;
    }
}

/// <summary>The notice for the person whose turn a draft reaches: paraf for a verifier, signature for the signer.</summary>
internal static class DraftTurn
{
    public static DraftEvent EventFor(ElectronicDraft draft, DraftStep step, string conceptorName, DateTime now) => step.Role == DraftStepRole.Penandatangan
        ? new DraftAwaitingSignature
        {
            DraftId = draft.Id, Subject = DraftScope.NoticeSubject(draft), FromName = conceptorName, AtUtc = now, RecipientEmployeeIds = [step.EmployeeId],
        }
        : new DraftAwaitingInitial
        {
            DraftId = draft.Id, Subject = DraftScope.NoticeSubject(draft), FromName = conceptorName, AtUtc = now, RecipientEmployeeIds = [step.EmployeeId],
        };
}
