using Belu.Portal.Data;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

public sealed record DraftRow(Guid Id, ElectronicLetterKind Kind, string Subject, SecurityClass Security, DraftStatus Status,
    string ConceptorName, string? WithName, DateTime UpdatedAtUtc, int VersionNumber);

/// <summary>What waits for the caller: to initial (paraf) or to sign.</summary>
public sealed record WaitingRow(DraftRow Draft, DraftStepRole As);

/// <summary>A person or unit of the tree, as the addressee and chain pickers offer them.</summary>
public sealed record DraftPick(int? EmployeeId, int? UnitId, string Name, string Detail);

/// <summary>The lists of the Konsep Naskah page and the pickers; reading only.</summary>
public sealed class DraftQueries(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser)
{
    /// <summary>The caller's own drafts, newest first.</summary>
    public async Task<IReadOnlyList<DraftRow>> MyDraftsAsync(bool includeCancelled = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var drafts = await db.ElectronicDrafts.AsNoTracking().Include(d => d.Steps)
            .Where(d => d.ConceptorId == dir.Me && (includeCancelled || d.Status != DraftStatus.Dibatalkan))
            .OrderByDescending(d => d.UpdatedAtUtc).Take(200).ToListAsync(ct);
        return [.. drafts.Select(d => Row(d, dir))];
    }

    /// <summary>Drafts whose turn is the caller's: to initial, or to sign.</summary>
    public async Task<IReadOnlyList<WaitingRow>> WaitingForMeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var me = dir.Me;
        var drafts = await db.ElectronicDrafts.AsNoTracking().Include(d => d.Steps)
            .Where(d => (d.Status == DraftStatus.Verifikasi || d.Status == DraftStatus.MenungguTandaTangan)
                && d.Steps.Any(s => s.EmployeeId == me && s.Order == d.CurrentStep))
            .OrderBy(d => d.UpdatedAtUtc).Take(200).ToListAsync(ct);
        return [.. drafts.Select(d => new WaitingRow(Row(d, dir), d.Steps.Single(s => s.Order == d.CurrentStep).Role))];
    }

    /// <summary>Active people and units of the whole regency whose name or jabatan contains the text.</summary>
    public async Task<IReadOnlyList<DraftPick>> FindAsync(string? text, bool people, bool units, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var term = (text ?? "").Trim();
        if (term.Length < 2)
        {
            return [];
        }
        var found = new List<DraftPick>();
        if (units)
        {
            found.AddRange(dir.Tree.All.Where(u => u.IsActive && u.Name.Contains(term, StringComparison.OrdinalIgnoreCase))
                .OrderBy(u => u.Name.Length).Take(10).Select(u => new DraftPick(null, u.Id, u.Name, dir.Tree.PathOf(u.Id))));
        }
        if (people)
        {
            found.AddRange(dir.People.Values.Where(p => p.IsActive
                    && (p.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || p.Position.Contains(term, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(p => p.Name).Take(20).Select(p => new DraftPick(p.Id, null, p.Name, $"{p.Position} · {dir.UnitName(p.UnitId)}")));
        }
        return found;
    }

    internal static DraftRow Row(ElectronicDraft d, LetterDirectory dir)
    {
        var current = d.Steps.FirstOrDefault(s => s.Order == d.CurrentStep);
        return new DraftRow(d.Id, d.Kind, d.Subject, d.Security, d.Status, dir.NameOf(d.ConceptorId),
            current is null ? null : dir.NameOf(current.EmployeeId), d.UpdatedAtUtc, d.VersionNumber);
    }
}
