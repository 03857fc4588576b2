using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>The disposer withdraws a disposition the recipient has not read yet.</summary>
public sealed class CancelDisposition(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    Announcer announcer)
{
    public async Task HandleAsync(Guid dispositionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (letter, d) = await DispositionChecks.LoadForActionAsync(db, dir, dispositionId, ct);
        DispositionChecks.Apply(DispositionAction.Cancel, d, dir, d.Version);
        DispositionChecks.Move(d, DispositionAction.Cancel, now);
        if (d.ParentId is null)
        {
            letter.Version = Guid.NewGuid();
        }
        db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Cancelled, dir.ActorId, dir.ActorLabel,
            $"Disposisi kepada {dir.NameOf(d.ToEmployeeId)} dibatalkan sebelum dibaca.", d.Id));
        audit.Add(db, "disposition.cancelled", letter.AgendaNumber, $"kepada {dir.NameOf(d.ToEmployeeId)}{dir.ActingSuffix}");
        await LetterGrants.RefreshAsync(db, letter, ct);
        await announcer.SaveAndAnnounceAsync(db, transaction, [], ct);
    }
}
