using Belu.Portal.Data;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

public sealed record DraftStepView(int Order, int EmployeeId, string Name, string Position, DraftStepRole Role, DraftStepState State,
    DateTime? ActedAtUtc, string? Note, bool IsCurrent);

public sealed record DraftVersionView(int Number, string AuthorName, DateTime AtUtc);

public sealed record DraftHistoryView(DateTime AtUtc, string ActorName, DraftAction Action, int VersionNumber, string? Note);

public enum DiffLineKind { Same, Added, Removed }

public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>What a signed draft's page shows of its signed letter.</summary>
public sealed record SignedSummary(string Number, DateOnly LetterDate, DateTime SignedAtUtc, string VerificationCode, string Sha256, Guid? OutgoingLetterId = null);

/// <summary>Everything the editor and the review page show of one draft, for someone who may see it.</summary>
public sealed record DraftDetails(
    Guid Id, ElectronicLetterKind Kind, DraftStatus Status, DraftRelation Relation, string ConceptorName, string UnitName,
    DraftContent Content, Guid Version, int VersionNumber, DateTime UpdatedAtUtc,
    IReadOnlyList<DraftStepView> Steps, IReadOnlyList<DraftVersionView> Versions, IReadOnlyList<DraftHistoryView> History,
    Letterhead Kop, SignatureBlock Signer, SignedSummary? Signed = null, int WorkingAs = 0)
{
    /// <summary>The step whose turn is the caller's, as whom he works: himself, or the post he acts for as Plh/Plt.</summary>
    public DraftStepView? MyTurn() => MyTurn(WorkingAs);

    public bool CanEdit => Relation == DraftRelation.Conceptor && Status is DraftStatus.Konsep or DraftStatus.Dikembalikan;

    public DraftStepView? MyTurn(int me) => Steps.FirstOrDefault(s => s.IsCurrent && s.EmployeeId == me);

    public LetterDocument Document(DraftContent? content = null) => DraftDocument.Build(Kind, content ?? Content, Kop, Signer, Signed?.LetterDate, Signed?.Number);
}

/// <summary>One draft with its chain, versions and history, and the difference between two versions; reading only.</summary>
public sealed class DraftDetailsQuery(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser)
{
    public async Task<DraftDetails> HandleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (draft, relation) = await DraftScope.LoadVisibleAsync(db, dir, id, ct);
        var versions = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.AuthorId, v.AtUtc }).ToListAsync(ct);
        var history = await db.DraftHistory.AsNoTracking().Where(h => h.DraftId == id).OrderBy(h => h.AtUtc).ThenBy(h => h.Id).ToListAsync(ct);
        var opd = dir.Tree.OpdOf(draft.UnitId)?.Id ?? draft.UnitId;
        var kop = await LetterheadQueries.ForOpdAsync(db, opd, ct);
        var signer = await DraftSigner.PreviewBlockAsync(db, dir, draft, ct);
        var signed = await db.Set<SignedLetter>().AsNoTracking().Where(l => l.DraftId == id)
            .Select(l => new SignedSummary(l.Number, l.LetterDate, l.SignedAtUtc, l.VerificationCode, l.Sha256, l.OutgoingLetterId)).SingleOrDefaultAsync(ct);
        var steps = draft.Steps.OrderBy(s => s.Order).Select(s => new DraftStepView(s.Order, s.EmployeeId, dir.NameOf(s.EmployeeId),
            dir.Ref(s.EmployeeId).Position, s.Role, s.State, s.ActedAtUtc, s.Note, s.Order == draft.CurrentStep)).ToList();
        return new DraftDetails(draft.Id, draft.Kind, draft.Status, relation, dir.NameOf(draft.ConceptorId), dir.UnitName(draft.UnitId),
            DraftContent.FromJson(draft.ContentJson), draft.Version, draft.VersionNumber, draft.UpdatedAtUtc, steps,
            [.. versions.Select(v => new DraftVersionView(v.Number, dir.NameOf(v.AuthorId), v.AtUtc))],
            [.. history.Select(h => new DraftHistoryView(h.AtUtc, dir.NameOf(h.ActorId), h.Action, h.VersionNumber, h.Note))],
            kop, signer, signed, dir.Me);
    }

    /// <summary>What changed from the version before <paramref name="number"/> to it, line by line.</summary>
    public async Task<IReadOnlyList<DiffLine>> DiffAsync(Guid id, int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (draft, _) = await DraftScope.LoadVisibleAsync(db, dir, id, ct);
        var pair = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == id && (v.Number == number || v.Number == number - 1))
            .ToDictionaryAsync(v => v.Number, v => v.ContentJson, ct);
        if (!pair.TryGetValue(number, out var after))
        {
            throw new NotFoundException("Versi tidak ditemukan.");
        }
        var before = pair.TryGetValue(number - 1, out var b) ? DraftContent.FromJson(b).ToText(draft.Kind) : "";
        return Diff(before, DraftContent.FromJson(after).ToText(draft.Kind));
    }

    public static IReadOnlyList<DiffLine> Diff(string before, string after) =>
        [.. InlineDiffBuilder.Diff(before, after).Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Inserted => DiffLineKind.Added,
            ChangeType.Deleted => DiffLineKind.Removed,
            _ => DiffLineKind.Same,
        }, l.Text))];
}
