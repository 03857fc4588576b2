using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters.Srikandi;

/// <summary>
/// The clerk of the letter's register records its SRIKANDI number, and may attach SRIKANDI's PDF (PDF only), so the
/// portal's register names both. Recording again corrects the number or replaces the PDF; each record is audited and,
/// for an incoming letter, written in its track.
/// </summary>
public sealed class RecordSrikandi(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    FileStore fileStore,
    TimeProvider time)
{
    private static readonly FileKind[] PdfOnly = [FileKind.Pdf];

    /// <exception cref="ValidationException">No number, a number too long, or a file that is not a PDF.</exception>
    /// <exception cref="ForbiddenException">The caller is not the clerk of the letter's register.</exception>
    /// <exception cref="ConcurrencyException">Someone recorded SRIKANDI for this letter since the caller loaded it.</exception>
    public async Task HandleAsync(SrikandiTarget target, SrikandiInput input, FileUpload? pdf, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Agendaris);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (unitId, reference) = await SrikandiLetters.UnitOfAsync(db, target, ct);
        if (dir.Viewer.AgendaUnitId != unitId)
        {
            throw new ForbiddenException("Hanya agendaris unit surat ini yang dapat mencatat nomor SRIKANDI.");
        }
        var number = input.Number?.Trim() ?? "";
        if (number.Length == 0)
        {
            throw new ValidationException("Nomor SRIKANDI wajib diisi.", new Dictionary<string, string> { [nameof(input.Number)] = "Nomor SRIKANDI wajib diisi." });
        }
        if (number.Length > SrikandiInput.MaxNumberLength)
        {
            var tooLong = $"Nomor SRIKANDI paling banyak {SrikandiInput.MaxNumberLength} karakter.";
            throw new ValidationException(tooLong, new Dictionary<string, string> { [nameof(input.Number)] = tooLong });
        }
        var record = await SrikandiLetters.Records(db, target).FirstOrDefaultAsync(ct);
        if (record is not null && input.Version != record.Version || record is null && input.Version is not null)
        {
            throw new ConcurrencyException("Nomor SRIKANDI surat ini baru saja dicatat oleh pengguna lain. Muat ulang lalu coba lagi.");
        }
        var stored = pdf is null ? null : await fileStore.SaveAsync(pdf.Content, pdf.FileName, PdfOnly, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (record is null)
        {
            record = new SrikandiRecord
            {
                IncomingLetterId = target.Register == LetterRegister.Incoming ? target.LetterId : null,
                OutgoingLetterId = target.Register == LetterRegister.Outgoing ? target.LetterId : null,
                Number = number,
            };
            db.SrikandiRecords.Add(record);
        }
        record.Number = number;
        if (stored is not null)
        {
            (record.PdfStorageKey, record.PdfFileName, record.PdfLength, record.PdfSha256) = (stored.StorageKey, stored.OriginalName, stored.Length, stored.Sha256);
        }
        (record.RecordedById, record.RecordedAtUtc, record.Version) = (dir.Me, now, Guid.NewGuid());
        var what = stored is null ? $"Nomor SRIKANDI {number} dicatat" : $"Nomor SRIKANDI {number} dan PDF SRIKANDI ({stored.OriginalName}) dicatat";
        if (target.Register == LetterRegister.Incoming)
        {
            db.LetterTrack.Add(LetterWrites.Track(target.LetterId, now, TrackKind.Srikandi, dir.Me, dir.NameOf(dir.Me), LetterWrites.Sentence(what)));
        }
        audit.Add(db, "letter.srikandi", reference, what);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (input.Version is null)
        {
            // Two clerks recorded a first number at once: the unique index kept one; the other reloads.
            throw new ConcurrencyException("Nomor SRIKANDI surat ini baru saja dicatat oleh pengguna lain. Muat ulang lalu coba lagi.");
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException("Nomor SRIKANDI surat ini baru saja dicatat oleh pengguna lain. Muat ulang lalu coba lagi.");
        }
    }
}
