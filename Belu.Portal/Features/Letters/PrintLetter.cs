using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>The printed papers of a letter (lembar disposisi, tanda terima). Each print is audited; nothing is marked read.</summary>
public sealed class PrintLetter(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock)
{
    /// <summary>The letter with its tree and track for the lembar disposisi.</summary>
    /// <exception cref="NotFoundException">No such letter, or not in the caller's scope (never told apart).</exception>
    public async Task<LetterDetail> DispositionSheetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (letter, relation) = await LetterScope.LoadVisibleAsync(db, dir, id, ct);
        await audit.WriteAsync("letter.printed", letter.AgendaNumber, $"{dir.UnitName(letter.UnitId)} ({relation})");
        return await LetterQueries.DetailOfAsync(db, dir, letter, relation, clock.Today, ct);
    }

    /// <summary>The tanda terima: the registering clerk may print it even for a secret letter, without the subject.</summary>
    public async Task<LetterReceipt> ReceiptAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var letter = await LetterScope.LoadLetterAsync(db, id, ct) ?? throw new NotFoundException("Surat tidak ditemukan.");
        var relation = LetterAccessRules.RelationOf(dir.Viewer, LetterScope.Facts(letter));
        if (relation == LetterRelation.None && letter.RegisteredById != dir.Me)
        {
            throw new NotFoundException("Surat tidak ditemukan.");
        }
        await audit.WriteAsync("letter.receipt", letter.AgendaNumber, dir.UnitName(letter.UnitId));
        var showSubject = !letter.Security.IsSecret() || relation is LetterRelation.Participant or LetterRelation.Copy;
        var addressee = dir.Ref(letter.AddresseeId);
        return new LetterReceipt(letter.AgendaNumber, dir.UnitName(letter.UnitId), letter.SenderNumber, letter.LetterDate, letter.ReceivedDate,
            letter.Sender, showSubject ? letter.Subject : null, letter.Security, letter.Urgency, addressee.Name, addressee.Position,
            dir.NameOf(letter.RegisteredById), letter.RegisteredAtUtc, LetterFiles.ReceivedFileCount(letter));
    }
}
