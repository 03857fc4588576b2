using Belu.Portal.Data;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// What every draft use case shares: loading a draft only for someone who may see it, the turn check, and the
/// history line. A draft the caller may not see is "not found" (its existence is not told); a visible draft the
/// caller may not act on is refused (403).
/// </summary>
internal static class DraftScope
{
    public const string NotFoundMessage = "Konsep naskah tidak ditemukan.";

    public static async Task<ElectronicDraft> LoadAsync(PortalDbContext db, Guid id, CancellationToken ct) =>
        await db.ElectronicDrafts.Include(d => d.Steps).FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException(NotFoundMessage);

    public static DraftAccessFacts Facts(ElectronicDraft draft, LetterDirectory dir) => new(
        draft.ConceptorId, draft.UnitId, draft.Security,
        [.. draft.Steps.Select(s => (s.EmployeeId, dir.People.TryGetValue(s.EmployeeId, out var p) ? p.UnitId : 0))]);

    public static async Task<(ElectronicDraft Draft, DraftRelation Relation)> LoadVisibleAsync(
        PortalDbContext db, LetterDirectory dir, Guid id, CancellationToken ct)
    {
        var draft = await LoadAsync(db, id, ct);
        var relation = DraftAccessRules.RelationOf(dir.Me, dir.Viewer.LedUnits, Facts(draft, dir));
        return relation == DraftRelation.None ? throw new NotFoundException(NotFoundMessage) : (draft, relation);
    }

    /// <summary>The conceptor's own draft, still in their hands (Konsep or Dikembalikan).</summary>
    public static async Task<ElectronicDraft> LoadForConceptorAsync(PortalDbContext db, LetterDirectory dir, Guid id, Guid version, CancellationToken ct)
    {
        var (draft, relation) = await LoadVisibleAsync(db, dir, id, ct);
        if (relation != DraftRelation.Conceptor)
        {
            throw new ForbiddenException("Hanya konseptor yang dapat mengubah konsep ini.");
        }
        if (draft.Status is not (DraftStatus.Konsep or DraftStatus.Dikembalikan))
        {
            throw new ValidationException(draft.Status == DraftStatus.Dibatalkan
                ? "Konsep ini sudah dibatalkan."
                : "Konsep sedang dalam verifikasi dan tidak dapat diubah oleh konseptor.");
        }
        RequireVersion(draft, version);
        return draft;
    }

    /// <summary>The step whose turn it is, when it is the caller's; otherwise a refusal.</summary>
    public static async Task<(ElectronicDraft Draft, DraftStep Step)> LoadForTurnAsync(PortalDbContext db, LetterDirectory dir, Guid id, Guid version, CancellationToken ct)
    {
        var (draft, _) = await LoadVisibleAsync(db, dir, id, ct);
        if (draft.Status is not (DraftStatus.Verifikasi or DraftStatus.MenungguTandaTangan) || draft.CurrentStep is not int current)
        {
            throw new ValidationException("Konsep ini tidak sedang menunggu verifikasi.");
        }
        var step = draft.Steps.Single(s => s.Order == current);
        // A second click on what the caller already acted on is a stale version, told as such before the turn.
        if (draft.Version != version && draft.Steps.Any(s => s.EmployeeId == dir.Me))
        {
            RequireVersion(draft, version);
        }
        if (step.EmployeeId != dir.Me)
        {
            throw new ForbiddenException("Bukan giliran Anda pada konsep ini.");
        }
        RequireVersion(draft, version);
        return (draft, step);
    }

    /// <summary>The caller acted on what they saw: a draft changed since is refused, not overwritten.</summary>
    public static void RequireVersion(ElectronicDraft draft, Guid version)
    {
        if (draft.Version != version)
        {
            throw new ConcurrencyException("Konsep ini baru saja diubah orang lain. Muat ulang untuk melihat versi terbaru.");
        }
    }

    public static void History(PortalDbContext db, ElectronicDraft draft, int actorId, DraftAction action, DateTime now, string? note = null) =>
        db.DraftHistory.Add(new DraftHistoryEntry
        {
            DraftId = draft.Id, ActorId = actorId, Action = action, AtUtc = now, VersionNumber = draft.VersionNumber, Note = note,
        });

    /// <summary>
    /// The history line of a turn taken by the caller: while he acts as Plh/Plt the line names him, not the post's
    /// official, and says in what capacity (stored as it was that day).
    /// </summary>
    public static void History(PortalDbContext db, ElectronicDraft draft, LetterDirectory dir, DraftAction action, DateTime now, string? note = null) =>
        History(db, draft, dir.ActorId, action, now,
            dir.Acting is { } a ? $"Sebagai {a.Capacity}" + (note is null ? "" : $": {note}") : note);

    /// <summary>Marks the draft changed, so a second click or a second editor on the old version is refused.</summary>
    public static void Touch(ElectronicDraft draft, DateTime now)
    {
        draft.Version = Guid.NewGuid();
        draft.UpdatedAtUtc = now;
    }

    /// <summary>The subject as notifications may carry it: none for a secret draft.</summary>
    public static string? NoticeSubject(ElectronicDraft draft) =>
        DraftAccessRules.IsSecret(draft.Security) ? null : draft.Subject.Length == 0 ? null : draft.Subject;
}
