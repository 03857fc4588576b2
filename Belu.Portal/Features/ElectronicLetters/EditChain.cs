using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>The chain as the conceptor sets it before sending: verifiers in order, then the signer.</summary>
public sealed record ChainInput(IReadOnlyList<int> Verifiers, int SignerId, Guid Version);

/// <summary>The conceptor changes the review chain of a draft still in their hands.</summary>
public sealed class EditChain(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser,
    AuditLog audit, TimeProvider time)
{
    public async Task<Guid> HandleAsync(Guid id, ChainInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var draft = await DraftScope.LoadForConceptorAsync(db, dir, id, input.Version, ct);
        if (ChainProposal.Check(dir.Me, input.Verifiers, input.SignerId) is string problem)
        {
            throw new ValidationException(problem);
        }
        if (input.Verifiers.Append(input.SignerId).Any(p => !dir.People.TryGetValue(p, out var row) || !row.IsActive))
        {
            throw new ValidationException("Verifikator atau penandatangan yang dipilih tidak ditemukan atau tidak aktif.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        // The old steps go first (their orders are unique per draft); both saves commit or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DraftSteps.RemoveRange(draft.Steps);
        await db.SaveChangesAsync(ct);
        draft.Steps = [.. input.Verifiers.Select((v, i) => new DraftStep { DraftId = draft.Id, Order = i + 1, EmployeeId = v, Role = DraftStepRole.Verifikator }),
            new DraftStep { DraftId = draft.Id, Order = input.Verifiers.Count + 1, EmployeeId = input.SignerId, Role = DraftStepRole.Penandatangan }];
        draft.SignerId = input.SignerId;
        DraftScope.Touch(draft, now);
        var names = string.Join(" → ", input.Verifiers.Append(input.SignerId).Select(dir.NameOf));
        DraftScope.History(db, draft, dir.Me, DraftAction.RantaiDiubah, now, names);
        audit.Add(db, "draft.chain", draft.Id.ToString(), names);
        await db.SaveOrConflictAsync(ct);
        await transaction.CommitAsync(ct);
        return draft.Version;
    }
}
