using Belu.Portal.Data;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters.Delivery;

/// <summary>
/// The sender's "dibaca": the first time someone of the receiving unit (its people, the addressee or the tembusan
/// holder) opens a delivered surat masuk. Called by <see cref="OpenLetter"/>, the one command that counts as reading.
/// </summary>
internal static class DeliveryReads
{
    internal static async Task MarkAsync(PortalDbContext db, LetterDirectory dir, IncomingLetter letter, DateTime now, CancellationToken ct)
    {
        var ofReceiver = letter.AddresseeId == dir.Me || letter.Copies.Any(c => c.EmployeeId == dir.Me)
            || (dir.Tree.OpdOf(dir.MeRow.UnitId)?.Id ?? dir.MeRow.UnitId) == letter.UnitId;
        var deliveries = db.Set<LetterDelivery>().Where(d => d.IncomingLetterId == letter.Id && d.ReadAtUtc == null);
        // Looked up before it is written: most letters were not delivered, and a write would queue every reader behind the database's write lock.
        if (!ofReceiver || !await deliveries.AnyAsync(ct))
        {
            return;
        }
        var name = dir.ActorLabel;
        await deliveries.ExecuteUpdateAsync(s => s.SetProperty(d => d.ReadAtUtc, now).SetProperty(d => d.ReadByName, name), ct);
    }
}
