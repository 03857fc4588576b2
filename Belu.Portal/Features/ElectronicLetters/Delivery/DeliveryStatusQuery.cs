using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters.Delivery;

/// <summary>One line of the letter's Kepada or Tembusan as the sender follows it.</summary>
public sealed record DeliveryLine(string Recipient, bool IsCopy, DeliveryReceipt? Delivered, IReadOnlyList<DispatchView> Dispatches)
{
    public bool Sent => Delivered is not null || Dispatches.Count > 0;
}

/// <summary>An internal delivery: the receiving unit's agenda number and when someone there first opened it.</summary>
public sealed record DeliveryReceipt(string UnitName, string AgendaNumber, DateTime DeliveredAtUtc, DateTime? ReadAtUtc, string? ReadByName);

public sealed record DispatchView(DispatchMethod Method, DateOnly SentDate, string ReceiverName, FileRef? Receipt, string RecordedByName, DateTime RecordedAtUtc);

/// <summary>What the outgoing page shows of the letter's delivery, and whether the caller may record a sending.</summary>
public sealed record DeliveryStatus(Guid OutgoingLetterId, IReadOnlyList<DeliveryLine> Lines, bool CanRecord)
{
    /// <summary>The code of the public verification page when the letter was signed electronically in the portal.</summary>
    public string? VerificationCode { get; init; }

    /// <summary>The lines a clerk can still record a sending for: those not delivered inside the portal.</summary>
    public IEnumerable<string> External => Lines.Where(l => l.Delivered is null).Select(l => l.Recipient).Distinct();
}

/// <summary>
/// The sender's view of delivery, per addressee: delivered (agenda number, time) and read (time, by whom) for internal
/// ones, the recorded sendings for external ones. Seen by those who see the outgoing letter (its conceptor, signer,
/// the OPD's clerks and leaders; secret letters by conceptor and signer only).
/// </summary>
public sealed class DeliveryStatusQuery(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, LetterDirectories directories)
{
    /// <exception cref="NotFoundException">No such letter, or out of the caller's scope.</exception>
    public async Task<DeliveryStatus> ForOutgoingAsync(Guid outgoingLetterId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var letter = await db.OutgoingLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == outgoingLetterId, ct);
        if (letter is null || !OutgoingLetterService.CanSee(dir.Viewer, letter))
        {
            throw new NotFoundException("Surat keluar tidak ditemukan.");
        }
        var deliveries = await db.Set<LetterDelivery>().AsNoTracking().Where(d => d.OutgoingLetterId == letter.Id).ToListAsync(ct);
        var dispatches = await (from d in db.Set<LetterDispatch>().AsNoTracking()
                                where d.OutgoingLetterId == letter.Id
                                join f in db.LetterFiles on d.ReceiptFileId equals f.Id into receipts
                                from f in receipts.DefaultIfEmpty()
                                orderby d.SentDate, d.Id
                                select new { d, File = f == null ? null : new FileRef(f.Id, f.FileName, f.ContentType, f.Length) }).ToListAsync(ct);
        var lines = new List<DeliveryLine>();
        foreach (var (recipient, isCopy) in Lines(letter.Addressees).Select(l => (l, false)).Concat(Lines(letter.Copies).Select(l => (l, true))))
        {
            var delivery = deliveries.FirstOrDefault(d => d.Label == recipient && d.IsCopy == isCopy);
            lines.Add(new DeliveryLine(recipient, isCopy,
                delivery is null ? null : new DeliveryReceipt(dir.UnitName(delivery.ReceivingUnitId), delivery.AgendaNumber, delivery.DeliveredAtUtc, delivery.ReadAtUtc, delivery.ReadByName),
                dispatches.Where(x => x.d.Recipient == recipient)
                    .Select(x => new DispatchView(x.d.Method, x.d.SentDate, x.d.ReceiverName, x.File, dir.NameOf(x.d.RecordedById), x.d.RecordedAtUtc)).ToList()));
        }
        var code = await db.Set<SignedLetter>().Where(s => s.OutgoingLetterId == letter.Id).Select(s => s.VerificationCode).FirstOrDefaultAsync(ct);
        return new DeliveryStatus(letter.Id, lines, RecordDispatch.MayRecord(dir, letter)) { VerificationCode = code };
    }

    internal static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
