using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>Streams a scan or report attachment after the scope check of its letter; the read is audited.</summary>
public sealed class OpenLetterFile(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    FileStore fileStore)
{
    /// <summary>Opens a stored file after the scope check of the letter it belongs to; the read is audited.</summary>
    /// <exception cref="NotFoundException">No such file, or its letter is out of the caller's scope.</exception>
    public async Task<(Stream Content, string ContentType, string FileName)> HandleAsync(Guid fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var file = await db.LetterFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct)
            ?? throw new NotFoundException("Berkas tidak ditemukan.");
        string subject;
        if (file.OutgoingLetterId is Guid outgoingId)
        {
            var outgoing = await db.OutgoingLetters.AsNoTracking().FirstOrDefaultAsync(o => o.Id == outgoingId, ct)
                ?? throw new NotFoundException("Berkas tidak ditemukan.");
            if (!OutgoingLetterService.CanSee(dir.Viewer, outgoing))
            {
                throw new NotFoundException("Berkas tidak ditemukan.");
            }
            subject = outgoing.Number;
        }
        else
        {
            var letterId = file.LetterId ?? await db.Dispositions.Where(d => d.Id == file.DispositionId).Select(d => (Guid?)d.LetterId).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("Berkas tidak ditemukan.");
            var (letter, _) = await LetterScope.LoadVisibleAsync(db, dir, letterId, ct, "Berkas tidak ditemukan.");
            subject = letter.AgendaNumber;
        }
        var stream = fileStore.OpenRead(file.StorageKey);
        await audit.WriteAsync("attachment.read", subject, $"{file.FileName} ({file.Id})");
        return (stream, file.ContentType, file.FileName);
    }
}
