using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters.Delivery;

/// <summary>
/// A signed naskah reaches its internal addressees and tembusan holders as registered surat masuk, with no retyping
/// (docs/decisions/0024): each gets the next agenda number of the receiving OPD's own incoming register, the letter's
/// fields from the signed letter, and the signed PDF, byte for byte, as its scan. An addressee's letter waits for
/// disposition like a clerk-registered one; a tembusan arrives read-only. Staged inside the signer's transaction, so a
/// letter is signed and delivered together or not at all; the unique key (signed letter, recipient) keeps a second
/// run from delivering anything twice.
/// </summary>
public sealed class DeliverSignedLetter(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    FileStore fileStore,
    AuditLog audit,
    Announcer announcer,
    OfficeClock clock)
{
    private static readonly FileKind[] PdfOnly = [FileKind.Pdf];

    /// <summary>
    /// Delivers again what is still undelivered (an addressed unit that had no head when the letter was signed): the
    /// signer or a clerk of the sending OPD. Returns how many recipients received it now; zero when all had it already.
    /// </summary>
    public async Task<int> HandleAsync(Guid signedLetterId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var signed = await db.Set<SignedLetter>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == signedLetterId, ct)
            ?? throw new NotFoundException("Naskah tidak ditemukan.");
        if (signed.SignerEmployeeId != dir.Me && dir.Viewer.AgendaUnitId != signed.UnitId)
        {
            throw new ForbiddenException("Hanya penandatangan atau agendaris unit pengirim yang dapat mengirim ulang naskah ini.");
        }
        var content = DraftContent.FromJson(await db.Set<ElectronicDraft>().Where(d => d.Id == signed.DraftId).Select(d => d.ContentJson).SingleAsync(ct));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var events = await StageAsync(db, dir, signed, content, ct);
        await announcer.SaveAndAnnounceAsync(db, transaction, events, ct);
        return events.Count;
    }

    /// <summary>
    /// Adds, to the caller's open transaction, one surat masuk per internal recipient not yet delivered, and returns
    /// their new-letter notices for the caller's save-and-announce.
    /// </summary>
    internal async Task<IReadOnlyList<PortalEvent>> StageAsync(PortalDbContext db, LetterDirectory dir, SignedLetter signed, DraftContent content,
        CancellationToken ct)
    {
        var already = await db.Set<LetterDelivery>().Where(d => d.SignedLetterId == signed.Id).Select(d => d.RecipientEmployeeId).ToListAsync(ct);
        var recipients = Recipients(dir, content).Where(r => !already.Contains(r.EmployeeId))
            // Counters are taken in one order (unit, then person), so two signers delivering across OPDs never wait on each other in a circle.
            .OrderBy(r => r.UnitId).ThenBy(r => r.EmployeeId).ToList();
        if (recipients.Count == 0)
        {
            return [];
        }
        var stored = await fileStore.SaveAsync(new MemoryStream(signed.Pdf, writable: false), FileNameOf(signed.Number), PdfOnly, ct);
        var clerks = await ClerksAsync(db, dir, recipients.Select(r => r.UnitId).ToHashSet(), ct);
        // Found among the tracked rows when the signer's transaction has only just added it.
        var outgoing = await db.OutgoingLetters.FindAsync([signed.OutgoingLetterId], ct)
            ?? throw new InvalidOperationException($"Signed letter {signed.Id} has no outgoing register row.");
        var classification = outgoing.ClassificationCode;
        var sender = dir.UnitName(signed.UnitId);
        var (today, now) = (clock.Today, clock.UtcNow);
        var events = new List<PortalEvent>();
        foreach (var r in recipients)
        {
            var sequence = await LetterWrites.NextSequenceAsync(db, r.UnitId, today.Year, LetterRegister.Incoming, ct);
            var letter = new IncomingLetter
            {
                UnitId = r.UnitId, AgendaYear = today.Year, AgendaSequence = sequence, AgendaNumber = LetterNumbering.AgendaNumber(sequence, today.Year),
                SenderNumber = signed.Number, LetterDate = signed.LetterDate, ReceivedDate = today, Sender = sender, Subject = signed.Subject,
                Security = signed.Security, Urgency = content.Urgency, ClassificationCode = classification, AddresseeId = r.EmployeeId,
                IsCopy = r.IsCopy, Progress = r.IsCopy ? LetterState.Selesai : LetterState.BelumDidisposisi,
                RegisteredById = signed.SignerEmployeeId, RegisteredAtUtc = now, SubmissionId = Guid.CreateVersion7(),
            };
            if (r.IsCopy)
            {
                // The tembusan holder reads it from the Tembusan box; the copy's read mark is the one the register already keeps.
                letter.Copies.Add(new LetterCopy { LetterId = letter.Id, EmployeeId = r.EmployeeId, UnitId = r.CopyUnitId });
            }
            db.IncomingLetters.Add(letter);
            db.LetterFiles.Add(LetterFiles.NewFile(stored, signed.SignerEmployeeId, now, letterId: letter.Id));
            db.LetterGrants.AddRange(LetterGrants.Of(letter));
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Registered, signed.SignerEmployeeId, signed.SignerName, LetterWrites.Sentence(
                $"Diterima secara elektronik dari {sender} (naskah {signed.Number} ditandatangani {signed.SignerName}) dengan nomor agenda {letter.AgendaNumber}, "
                + (r.IsCopy ? $"sebagai tembusan kepada {dir.NameOf(r.EmployeeId)}" : $"disampaikan kepada {dir.NameOf(r.EmployeeId)}"))));
            db.Set<LetterDelivery>().Add(new LetterDelivery
            {
                SignedLetterId = signed.Id, OutgoingLetterId = signed.OutgoingLetterId, IncomingLetterId = letter.Id, RecipientEmployeeId = r.EmployeeId,
                ReceivingUnitId = r.UnitId, Label = r.Label, IsCopy = r.IsCopy, AgendaNumber = letter.AgendaNumber, DeliveredAtUtc = now,
            });
            audit.Add(db, "letter.delivered", letter.AgendaNumber,
                $"{dir.UnitName(r.UnitId)}: naskah {signed.Number} dari {sender}{(r.IsCopy ? " (tembusan)" : "")}");
            events.Add(new LetterRegistered
            {
                AtUtc = now, LetterId = letter.Id, AgendaNumber = letter.AgendaNumber,
                Subject = letter.Security.IsSecret() ? null : letter.Subject,
                Sender = letter.Security == SecurityClass.SangatRahasia ? null : sender,
                RecipientEmployeeIds = [r.EmployeeId, .. clerks.GetValueOrDefault(r.UnitId, []).Where(c => c != r.EmployeeId)],
                UnitId = r.UnitId,
            });
        }
        // The register's "dikirim" date: an electronic delivery is a sending, on the day it happens.
        if (outgoing.SentDate is null)
        {
            outgoing.SentDate = today;
            outgoing.Version = Guid.NewGuid();
        }
        return events;
    }

    private sealed record Recipient(int EmployeeId, int UnitId, string Label, bool IsCopy, int? CopyUnitId);

    /// <summary>
    /// The internal parties of the letter as people who hold it: a unit by its head, a person himself; addressees
    /// first, so someone both addressed and copied receives the addressed letter only. A unit without a head (or a
    /// person no longer active) receives nothing yet; the sender sees it as not delivered.
    /// </summary>
    private static IEnumerable<Recipient> Recipients(LetterDirectory dir, DraftContent content)
    {
        var seen = new HashSet<int>();
        foreach (var (party, isCopy) in content.Addressees.Select(p => (p, false)).Concat(content.Copies.Select(p => (p, true))))
        {
            var holder = party.EmployeeId is int e
                ? dir.People.TryGetValue(e, out var person) && person.IsActive ? person : null
                : party.UnitId is int u && dir.Tree.Contains(u) ? dir.HeadOf(u) : null;
            if (holder is null || !seen.Add(holder.Id))
            {
                continue;
            }
            var register = dir.Tree.OpdOf(holder.UnitId)?.Id ?? holder.UnitId;
            yield return new Recipient(holder.Id, register, party.Label, isCopy, isCopy ? party.UnitId : null);
        }
    }

    /// <summary>The agendaris of each receiving OPD: they hear of the new letter as the clerk of a paper one would see it arrive.</summary>
    private static async Task<Dictionary<int, List<int>>> ClerksAsync(PortalDbContext db, LetterDirectory dir, HashSet<int> units, CancellationToken ct)
    {
        var clerks = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join role in db.Roles on ur.RoleId equals role.Id
                            where role.Name == Roles.Agendaris && u.EmployeeId != null && u.IsActive
                            select u.EmployeeId!.Value).ToListAsync(ct);
        return clerks.Where(dir.People.ContainsKey)
            .Select(id => (Id: id, Opd: dir.Tree.OpdOf(dir.People[id].UnitId)?.Id))
            .Where(c => c.Opd is int o && units.Contains(o))
            .GroupBy(c => c.Opd!.Value).ToDictionary(g => g.Key, g => g.Select(c => c.Id).Distinct().ToList());
    }

    private static string FileNameOf(string number) => $"naskah-{number.Replace('/', '-')}.pdf";
}
