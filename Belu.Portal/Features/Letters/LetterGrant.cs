using Belu.Portal.Data;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Letters;

/// <summary>
/// One key of an incoming letter's access set (<see cref="LetterGrantRules"/>): kept beside the letter, rewritten in
/// the same transaction as every change that can alter who may see it (registration, disposition, cancellation).
/// </summary>
public sealed class LetterGrant
{
    public Guid LetterId { get; set; }

    public GrantKind Kind { get; set; }

    /// <summary>An employee id for <see cref="GrantKind.Person"/>, a unit id otherwise.</summary>
    public int PrincipalId { get; set; }

    /// <summary>The letter's <see cref="IncomingLetter.SearchKey"/> (its full-text row), so a search starts from the viewer's own letters.</summary>
    public long SearchKey { get; set; }

    /// <summary>The letter's <see cref="IncomingLetter.Progress"/>, copied so that a viewer's counters are read from the grants index alone.</summary>
    public LetterState Progress { get; set; }

    /// <summary>The letter's <see cref="IncomingLetter.OpenDeadline"/>, copied for the same reason (with today it decides Terlambat).</summary>
    public DateOnly? OpenDeadline { get; set; }
}

internal sealed class LetterGrantConfiguration : IEntityTypeConfiguration<LetterGrant>
{
    public void Configure(EntityTypeBuilder<LetterGrant> b)
    {
        // The letter side answers "may this viewer see this letter" with one probe; the viewer side drives a list of
        // the few letters a clerk or a staff member sees.
        b.HasKey(g => new { g.LetterId, g.Kind, g.PrincipalId });
        // The letter's full-text row and state ride in the viewer-side index, so the leader's counters and a search
        // among his letters are one range read per key with no letter looked up (decision 0028).
        b.HasIndex(g => new { g.Kind, g.PrincipalId, g.SearchKey, g.LetterId, g.Progress, g.OpenDeadline });
        b.HasOne<IncomingLetter>().WithMany().HasForeignKey(g => g.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class LetterGrants
{
    public static IEnumerable<LetterGrant> Of(IncomingLetter letter) =>
        LetterGrantRules.For(LetterScope.Facts(letter)).Select(k => Row(letter, k));

    private static LetterGrant Row(IncomingLetter letter, LetterGrantKey key) => new()
    {
        LetterId = letter.Id, Kind = key.Kind, PrincipalId = key.PrincipalId, Progress = letter.Progress, OpenDeadline = letter.OpenDeadline,
        SearchKey = LetterWrites.SearchKeyOf(letter.UnitId, letter.AgendaYear, letter.AgendaSequence),
    };

    /// <summary>
    /// Every disposition command's last step: the letter's stored progress in step with its disposition tree, and its
    /// stored grants in step with its facts (who may see it) and that progress. The caller's SaveChanges writes both
    /// with the change that caused them, so the counters read from the grants are never behind the letter.
    /// </summary>
    public static async Task RefreshAsync(PortalDbContext db, IncomingLetter letter, CancellationToken ct)
    {
        LetterWrites.RefreshProgress(letter, letter.Dispositions);
        var wanted = LetterGrantRules.For(LetterScope.Facts(letter));
        var stored = await db.LetterGrants.Where(g => g.LetterId == letter.Id).ToListAsync(ct);
        foreach (var grant in stored)
        {
            if (!wanted.Contains(new(grant.Kind, grant.PrincipalId)))
            {
                db.LetterGrants.Remove(grant);
                continue;
            }
            grant.Progress = letter.Progress;
            grant.OpenDeadline = letter.OpenDeadline;
        }
        var have = stored.Select(g => new LetterGrantKey(g.Kind, g.PrincipalId)).ToHashSet();
        db.LetterGrants.AddRange(wanted.Where(k => !have.Contains(k)).Select(k => Row(letter, k)));
    }
}
