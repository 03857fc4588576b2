using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>The recipient starts working on a disposition (Diproses).</summary>
public sealed class ProcessDisposition(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    Announcer announcer)
{
    public async Task HandleAsync(Guid dispositionId, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (letter, d) = await DispositionChecks.LoadForActionAsync(db, dir, dispositionId, ct);
        DispositionChecks.Apply(DispositionAction.StartProcessing, d, dir, version);
        DispositionChecks.Move(d, DispositionAction.StartProcessing, now);
        db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Processing, dir.ActorId, dir.ActorLabel, "Disposisi sedang diproses.", d.Id));
        audit.Add(db, "disposition.processing", letter.AgendaNumber, $"dari {dir.NameOf(d.FromEmployeeId)}{dir.ActingSuffix}");
        await LetterGrants.RefreshAsync(db, letter, ct);
        await announcer.SaveAndAnnounceAsync(db, transaction, [], ct);
    }
}
