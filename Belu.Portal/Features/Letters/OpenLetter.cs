using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>
/// A user opens a letter (the letter page): opening counts as reading. The addressee's first look, the caller's new
/// dispositions (Baru → Dibaca, the disposer is told) and unread copies are marked, and the read is audited.
/// Readers that must not mark anything (prints, exports) use <see cref="LetterQueries.GetDetailsAsync"/>.
/// </summary>
public sealed class OpenLetter(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    Announcer announcer)
{
    /// <exception cref="NotFoundException">No such letter, or not in the caller's scope (never told apart).</exception>
    public async Task<LetterDetail> HandleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (letter, relation) = await LetterScope.LoadVisibleAsync(db, dir, id, ct);
        await ElectronicLetters.Delivery.DeliveryReads.MarkAsync(db, dir, letter, clock.UtcNow, ct);
        await MarkReadAsync(db, dir, letter, ct);
        await audit.WriteAsync("letter.read", letter.AgendaNumber, $"{dir.UnitName(letter.UnitId)} ({relation})");
        return await LetterQueries.DetailOfAsync(db, dir, letter, relation, clock.Today, ct);
    }

    private async Task MarkReadAsync(PortalDbContext db, LetterDirectory dir, IncomingLetter letter, CancellationToken ct)
    {
        var me = dir.Me;
        var events = new List<PortalEvent>();
        var unread = letter.Dispositions.Where(d => d.ToEmployeeId == me && d.Status == DispositionStatus.Baru).ToList();
        var copies = letter.Copies.Where(c => c.EmployeeId == me && c.ReadAtUtc is null).ToList();
        var firstLook = letter.AddresseeId == me && letter.AddresseeReadAtUtc is null;
        if (unread.Count == 0 && copies.Count == 0 && !firstLook)
        {
            return;
        }
        var now = clock.UtcNow;
        var name = dir.ActorLabel;
        // Every mark is a conditional update; the loaded letter is only a picture of it, kept in step by hand.
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (firstLook && await db.IncomingLetters.Where(l => l.Id == letter.Id && l.AddresseeReadAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.AddresseeReadAtUtc, now), ct) == 1)
        {
            letter.AddresseeReadAtUtc = now;
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Opened, dir.ActorId, name, "Surat dibuka oleh penerima (tujuan surat)."));
        }
        foreach (var d in unread)
        {
            var version = Guid.NewGuid();
            // Conditional update: if the disposer cancelled it a moment ago, it stays cancelled.
            var read = DispositionRules.Next(DispositionAction.Read, DispositionStatus.Baru);
            var changed = await db.Dispositions.Where(x => x.Id == d.Id && x.Status == DispositionStatus.Baru)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, read).SetProperty(x => x.ReadAtUtc, now)
                    .SetProperty(x => x.Version, version), ct);
            if (changed != 1)
            {
                continue;
            }
            d.Status = read;
            d.ReadAtUtc = now;
            d.Version = version;
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Read, dir.ActorId, name, $"Disposisi dari {dir.NameOf(d.FromEmployeeId)} dibaca.", d.Id));
            audit.Add(db, "disposition.read", letter.AgendaNumber, $"dari {dir.NameOf(d.FromEmployeeId)}{dir.ActingSuffix}");
            events.Add(new DispositionRead
            {
                AtUtc = now, LetterId = letter.Id, AgendaNumber = letter.AgendaNumber, DispositionId = d.Id, ReaderName = name,
                Subject = letter.Security.IsSecret() ? null : letter.Subject, RecipientEmployeeIds = [d.FromEmployeeId], UnitId = letter.UnitId,
            });
        }
        foreach (var c in copies)
        {
            await db.LetterCopies.Where(x => x.Id == c.Id && x.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadAtUtc, now), ct);
            c.ReadAtUtc = now;
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.CopyRead, dir.ActorId, name, "Tembusan dibaca."));
        }
        await announcer.SaveAndAnnounceAsync(db, transaction, events, ct);
    }
}
