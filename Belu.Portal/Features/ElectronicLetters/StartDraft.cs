using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// A conceptor starts a draft of a kind (its template): the head of their OPD proposed as signer, and the chain
/// proposed from the organisation tree (<see cref="ChainProposal"/>).
/// </summary>
public sealed class StartDraft(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser,
    AuditLog audit, TimeProvider time)
{
    public async Task<Guid> HandleAsync(ElectronicLetterKind kind, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ValidationException("Jenis naskah tidak dikenal.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (signer, verifiers) = Propose(dir);
        var now = time.GetUtcNow().UtcDateTime;
        var content = new DraftContent();
        var draft = new ElectronicDraft
        {
            Kind = kind, UnitId = dir.MeRow.UnitId, ConceptorId = dir.Me, SignerId = signer, ContentJson = content.ToJson(),
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        draft.Steps = [.. verifiers.Select((v, i) => new DraftStep { Order = i + 1, EmployeeId = v, Role = DraftStepRole.Verifikator }),
            new DraftStep { Order = verifiers.Count + 1, EmployeeId = signer, Role = DraftStepRole.Penandatangan }];
        db.ElectronicDrafts.Add(draft);
        db.DraftVersions.Add(new DraftVersion { DraftId = draft.Id, Number = 1, AuthorId = dir.Me, AtUtc = now, ContentJson = draft.ContentJson });
        DraftScope.History(db, draft, dir.Me, DraftAction.Dibuat, now);
        audit.Add(db, "draft.started", draft.Id.ToString(), kind.Label());
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    /// <summary>The head of the conceptor's OPD signs (their own superior when they are the head); the chain leads up to them.</summary>
    internal static (int Signer, IReadOnlyList<int> Verifiers) Propose(LetterDirectory dir)
    {
        var tree = dir.Tree;
        var opd = tree.OpdOf(dir.MeRow.UnitId) ?? throw new ValidationException("Unit kerja Anda tidak ditemukan di pohon organisasi.");
        var head = dir.HeadOf(opd.Id);
        var signer = head is not null && head.Id != dir.Me ? head.Id
            : dir.MeRow.SuperiorId ?? throw new ValidationException("Tidak ada atasan yang dapat diusulkan sebagai penandatangan. Pilih penandatangan di rantai verifikasi.");
        var secretariat = tree.ChildrenOf(opd.Id).FirstOrDefault(u => u.IsActive && u.Name.StartsWith("Sekretariat", StringComparison.Ordinal));
        var secretary = secretariat is null ? null : dir.HeadOf(secretariat.Id)?.Id;
        var verifiers = ChainProposal.Verifiers(dir.Me, signer,
            id => dir.People.TryGetValue(id, out var p) ? p.SuperiorId : null,
            id => dir.People.TryGetValue(id, out var p) ? tree.OpdOf(p.UnitId)?.Id : null,
            secretary);
        return (signer, verifiers);
    }
}
