using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization.Acting;

/// <summary>A signed letter of the portal an appointment may cite as its surat perintah: number, date and kind, never its content.</summary>
public sealed record ActingBasisLetter(Guid Id, string Number, DateOnly LetterDate, string KindLabel, string VerificationCode);

/// <summary>
/// The signed letters an appointment may cite (docs/domain/acting.md): an admin any of the portal's; an official those
/// signed by him or in his name, which is where the surat perintah of his own Plh comes from.
/// </summary>
public sealed class ActingBasis(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<ActingBasisLetter>> FindAsync(string? number, CancellationToken ct = default)
    {
        var term = (number ?? "").Trim();
        if (term.Length < 2)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Citable(db).Where(l => l.Number.Contains(term)).OrderByDescending(l => l.SignedAtUtc).Take(10)
            .Select(l => new { l.Id, l.Number, l.LetterDate, l.Kind, l.VerificationCode }).ToListAsync(ct);
        return [.. rows.Select(l => new ActingBasisLetter(l.Id, l.Number, l.LetterDate, l.Kind.Label(), l.VerificationCode))];
    }

    /// <summary>The letter an appointment cites, when the caller may cite it; otherwise a refusal on the number field.</summary>
    internal async Task<ActingBasisLetter> RequireAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        var row = await Citable(db).Where(l => l.Id == id).Select(l => new { l.Id, l.Number, l.LetterDate, l.Kind, l.VerificationCode }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException("Naskah yang dipilih sebagai dasar penunjukan tidak ditemukan.",
                new Dictionary<string, string> { [nameof(ActingInput.LetterNumber)] = "Pilih naskah yang ditandatangani oleh atau atas nama Anda." });
        return new ActingBasisLetter(row.Id, row.Number, row.LetterDate, row.Kind.Label(), row.VerificationCode);
    }

    private IQueryable<SignedLetter> Citable(PortalDbContext db)
    {
        var letters = db.Set<SignedLetter>().AsNoTracking().Where(l => l.Status == SignedLetterStatus.Sah);
        if (currentUser.IsAdmin)
        {
            return letters;
        }
        var me = currentUser.EmployeeId ?? 0;
        return letters.Where(l => l.SignerEmployeeId == me || db.OutgoingLetters.Any(o => o.Id == l.OutgoingLetterId && o.SignerId == me));
    }
}
