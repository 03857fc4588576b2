using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// The person whose turn it is returns the draft to its conceptor with notes; the conceptor hears of it, edits, and
/// sends it again from the start of the chain.
/// </summary>
public sealed class ReturnDraft(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser,
    AuditLog audit, Announcer announcer, TimeProvider time)
{
    public async Task<Guid> HandleAsync(Guid id, string note, Guid version, CancellationToken ct = default)
    {
        note = (note ?? "").Trim();
        if (note.Length < 3 || note.Length > 2000)
        {
            throw new ValidationException("Catatan pengembalian wajib diisi (3–2000 karakter).",
                new Dictionary<string, string> { ["Note"] = "Tuliskan apa yang perlu diperbaiki." });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (draft, step) = await DraftScope.LoadForTurnAsync(db, dir, id, version, ct);
        var now = time.GetUtcNow().UtcDateTime;
        (step.State, step.ActedAtUtc, step.Note) = (DraftStepState.Dikembalikan, now, note);
        draft.Status = DraftStatus.Dikembalikan;
        draft.CurrentStep = null;
        DraftScope.Touch(draft, now);
        DraftScope.History(db, draft, dir, DraftAction.Dikembalikan, now, note);
        audit.Add(db, "draft.returned", draft.Id.ToString(), dir.Acting is null ? null : dir.ActingSuffix.Trim());
        var returned = new DraftReturned
        {
            DraftId = draft.Id, Subject = DraftScope.NoticeSubject(draft), ByName = dir.ActorLabel, AtUtc = now,
            RecipientEmployeeIds = [draft.ConceptorId],
        };
        await announcer.SaveAndAnnounceAsync(db, null, [returned], ct);
        return draft.Version;
    }
}
