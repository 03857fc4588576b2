using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.ElectronicLetters.Pdf;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>A draft's PDF for someone who may see the draft.</summary>
public sealed record DraftPdf(byte[] Content, string FileName, bool Signed);

/// <summary>
/// The PDF of a draft: once signed, the stored signed file byte for byte; before that, an unnumbered preview of the
/// current version for the signer to review. Opening the signed file is audited.
/// </summary>
public sealed class OpenDraftPdf(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser,
    LetterPdf renderer, AuditLog audit)
{
    public async Task<DraftPdf> HandleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (draft, _) = await DraftScope.LoadVisibleAsync(db, dir, id, ct);
        var signed = await db.Set<SignedLetter>().AsNoTracking().Where(l => l.DraftId == id)
            .Select(l => new { l.Number, l.Pdf }).SingleOrDefaultAsync(ct);
        if (signed is not null)
        {
            await audit.WriteAsync("draft.pdf-opened", draft.Id.ToString(), signed.Number);
            return new DraftPdf(signed.Pdf, FileNameOf(signed.Number), true);
        }
        var opd = dir.Tree.OpdOf(draft.UnitId)?.Id ?? draft.UnitId;
        var kop = await LetterheadQueries.ForOpdAsync(db, opd, ct);
        var signer = await DraftSigner.PreviewBlockAsync(db, dir, draft, ct);
        var pdf = renderer.Render(DraftDocument.Build(draft.Kind, DraftContent.FromJson(draft.ContentJson), kop, signer));
        return new DraftPdf(pdf, $"pratinjau-naskah-versi-{draft.VersionNumber}.pdf", false);
    }

    /// <summary>"000.1.2.3/7/DISKOMINFO/2026" → "naskah-000.1.2.3-7-DISKOMINFO-2026.pdf".</summary>
    public static string FileNameOf(string number) => $"naskah-{number.Replace('/', '-')}.pdf";
}
