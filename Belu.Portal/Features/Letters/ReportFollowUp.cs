using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>
/// The recipient finishes a disposition with a follow-up report (laporan tindak lanjut: text, optional attachment):
/// Selesai. The disposer hears of it after the commit.
/// </summary>
public sealed class ReportFollowUp(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    FileStore fileStore,
    Announcer announcer)
{
    public async Task HandleAsync(Guid dispositionId, Guid version, string? report, FileUpload? attachment, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        if (report?.Trim().Length > 4000)
        {
            throw new ValidationException("Laporan tindak lanjut paling banyak 4000 karakter.");
        }
        // Check the rules before storing anything, so a refused report leaves no file behind.
        var (previewLetter, preview) = await DispositionChecks.LoadForActionAsync(db, dir, dispositionId, ct);
        DispositionChecks.Apply(DispositionAction.Finish, preview, dir, version, report, DispositionChecks.OpenForwards(preview, previewLetter.Dispositions));
        var stored = attachment is null ? null : await fileStore.SaveAsync(attachment.Content, attachment.FileName, LetterFiles.ScanKinds, ct);
        db.ChangeTracker.Clear();

        var now = clock.UtcNow;
        IncomingLetter letter;
        Disposition d;
        DispositionFinished finished;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            (letter, d) = await DispositionChecks.LoadForActionAsync(db, dir, dispositionId, ct);
            DispositionChecks.Apply(DispositionAction.Finish, d, dir, version, report, DispositionChecks.OpenForwards(d, letter.Dispositions));
            DispositionChecks.Move(d, DispositionAction.Finish, now);
            d.Report = report!.Trim();
            if (stored is not null)
            {
                db.LetterFiles.Add(LetterFiles.NewFile(stored, dir.Me, now, letterId: letter.Id, dispositionId: d.Id));
            }
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Finished, dir.ActorId, dir.ActorLabel,
                $"Disposisi diselesaikan. Laporan tindak lanjut: {d.Report}{(stored is null ? "" : $" (lampiran {stored.OriginalName})")}", d.Id));
            audit.Add(db, "disposition.finished", letter.AgendaNumber, $"dari {dir.NameOf(d.FromEmployeeId)}{dir.ActingSuffix}");
            await LetterGrants.RefreshAsync(db, letter, ct);
            finished = new DispositionFinished
            {
                AtUtc = now, LetterId = letter.Id, AgendaNumber = letter.AgendaNumber, DispositionId = d.Id, RecipientName = dir.MeRow.Name,
                Subject = letter.Security.IsSecret() ? null : letter.Subject, RecipientEmployeeIds = [d.FromEmployeeId], UnitId = letter.UnitId,
            };
            await announcer.SaveAndAnnounceAsync(db, transaction, [finished], ct);
        }
    }
}
