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
}

internal sealed class LetterGrantConfiguration : IEntityTypeConfiguration<LetterGrant>
{
    public void Configure(EntityTypeBuilder<LetterGrant> b)
    {
        // The letter side answers "may this viewer see this letter" with one probe; the viewer side drives a list of
        // the few letters a clerk or a staff member sees.
        b.HasKey(g => new { g.LetterId, g.Kind, g.PrincipalId });
        b.HasIndex(g => new { g.Kind, g.PrincipalId, g.LetterId });
        b.HasOne<IncomingLetter>().WithMany().HasForeignKey(g => g.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class LetterGrants
{
    public static IEnumerable<LetterGrant> Of(IncomingLetter letter) =>
        LetterGrantRules.For(LetterScope.Facts(letter)).Select(k => Row(letter.Id, k));

    private static LetterGrant Row(Guid letterId, LetterGrantKey key) => new() { LetterId = letterId, Kind = key.Kind, PrincipalId = key.PrincipalId };

    /// <summary>
    /// Brings the stored grants of a loaded letter (its dispositions and copies included) in line with its facts; the
    /// caller's SaveChanges writes the difference with the change that caused it.
    /// </summary>
    public static async Task SyncAsync(PortalDbContext db, IncomingLetter letter, CancellationToken ct)
    {
        var wanted = LetterGrantRules.For(LetterScope.Facts(letter));
        var stored = await db.LetterGrants.Where(g => g.LetterId == letter.Id).ToListAsync(ct);
        foreach (var gone in stored.Where(g => !wanted.Contains(new(g.Kind, g.PrincipalId))))
        {
            db.LetterGrants.Remove(gone);
        }
        var have = stored.Select(g => new LetterGrantKey(g.Kind, g.PrincipalId)).ToHashSet();
        db.LetterGrants.AddRange(wanted.Where(k => !have.Contains(k)).Select(k => Row(letter.Id, k)));
    }
}
