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
/// An agendaris registers an incoming letter: the next agenda number of the unit, the scans, the tembusan and the
/// letter's access grants in one transaction; the addressee and the copy holders hear of it after the commit.
/// </summary>
public sealed class RegisterLetter(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    FileStore fileStore,
    Announcer announcer)
{
    /// <summary>What the registration form offers: the unit's leaders as addressees, people and units for tembusan.</summary>
    public async Task<RegistrationOptions> GetOptionsAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Agendaris);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var unitId = dir.RequireAgendaUnit();
        var subtree = dir.Tree.SubtreeOf(unitId);
        var addressees = dir.People.Values
            .Where(p => p.IsActive && dir.Leaders.Contains(p.Id) && subtree.Contains(p.UnitId))
            .OrderBy(p => p.UnitId == unitId ? 0 : 1).ThenBy(p => dir.Tree.PathOf(p.UnitId), StringComparer.Ordinal)
            .Select(p => dir.Ref(p.Id)).ToList();
        var people = dir.People.Values.Where(p => p.IsActive).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => dir.Ref(p.Id)).ToList();
        var units = dir.Tree.All.Where(u => u.IsActive && u.Kind != Organization.UnitKind.Pemkab)
            .Select(u => new UnitOption(u.Id, u.Name, dir.Tree.PathOf(u.Id), dir.HeadOf(u.Id)?.Name))
            .Where(u => u.HeadName is not null)
            .OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        return new RegistrationOptions(dir.UnitName(unitId), addressees, people, units);
    }

    /// <summary>Registers the letter with the next agenda number of the clerk's unit; returns its id.</summary>
    /// <exception cref="ValidationException">Missing or inconsistent fields, or a file that is not a scan.</exception>
    public async Task<Guid> HandleAsync(IncomingLetterInput input, IReadOnlyList<FileUpload> uploads, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Agendaris);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var unitId = dir.RequireAgendaUnit();
        if (await FindSubmissionAsync(db, input.SubmissionId, ct) is Guid already)
        {
            return already;
        }

        var today = clock.Today;
        var errors = Validate(input, uploads, dir, unitId, today);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }

        var stored = new List<StoredFile>();
        foreach (var upload in uploads)
        {
            stored.Add(await fileStore.SaveAsync(upload.Content, upload.FileName, LetterFiles.ScanKinds, ct));
        }

        var now = clock.UtcNow;
        IncomingLetter letter;
        LetterRegistered registered;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Checked again under the write lock: a double-click's second request waits here and then finds the first letter.
            if (await FindSubmissionAsync(db, input.SubmissionId, ct) is Guid raced)
            {
                return raced;
            }
            var year = today.Year;
            var sequence = await LetterWrites.NextSequenceAsync(db, unitId, year, LetterRegister.Incoming, ct);
            // PostgreSQL reads do not wait: the counter's row lock is where the second request waited, so look once more.
            if (await FindSubmissionAsync(db, input.SubmissionId, ct) is Guid afterLock)
            {
                return afterLock;
            }
            letter = new IncomingLetter
            {
                UnitId = unitId,
                AgendaYear = year,
                AgendaSequence = sequence,
                AgendaNumber = LetterNumbering.AgendaNumber(sequence, year),
                SenderNumber = input.SenderNumber!.Trim(),
                LetterDate = input.LetterDate!.Value,
                ReceivedDate = input.ReceivedDate!.Value,
                Sender = input.Sender!.Trim(),
                Subject = input.Subject!.Trim(),
                Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim(),
                Security = input.Security,
                Urgency = input.Urgency,
                ClassificationCode = LetterNumbering.NormalizeClassification(input.ClassificationCode)!,
                AddresseeId = input.AddresseeId!.Value,
                RegisteredById = dir.Me,
                RegisteredAtUtc = now,
                SubmissionId = input.SubmissionId,
            };
            db.IncomingLetters.Add(letter);
            foreach (var file in stored)
            {
                db.LetterFiles.Add(LetterFiles.NewFile(file, dir.Me, now, letterId: letter.Id));
            }
            var copies = new List<string>();
            foreach (var (employeeId, copyUnit) in CopyHolders(input, dir))
            {
                db.LetterCopies.Add(new LetterCopy { LetterId = letter.Id, EmployeeId = employeeId, UnitId = copyUnit });
                copies.Add(copyUnit is int u ? $"{dir.UnitName(u)} ({dir.NameOf(employeeId)})" : dir.NameOf(employeeId));
            }
            db.LetterGrants.AddRange(LetterGrants.Of(letter));
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Registered, dir.Me, dir.MeRow.Name,
                LetterWrites.Sentence($"Diregistrasi dengan nomor agenda {letter.AgendaNumber} dan disampaikan kepada {dir.NameOf(letter.AddresseeId)}"
                + (copies.Count > 0 ? $"; tembusan kepada {string.Join(", ", copies)}" : ""))));
            audit.Add(db, "letter.registered", letter.AgendaNumber,
                $"{dir.UnitName(unitId)}: {(letter.Security == SecurityClass.SangatRahasia ? "(pengirim dirahasiakan)" : letter.Sender)} — {(letter.Security.IsSecret() ? "(rahasia)" : letter.Subject)}; {stored.Count} lampiran");
            registered = new LetterRegistered
            {
                AtUtc = now,
                LetterId = letter.Id,
                AgendaNumber = letter.AgendaNumber,
                Subject = letter.Security.IsSecret() ? null : letter.Subject,
                Sender = letter.Security == SecurityClass.SangatRahasia ? null : letter.Sender,
                RecipientEmployeeIds = [letter.AddresseeId, .. db.LetterCopies.Local.Select(c => c.EmployeeId)],
                UnitId = letter.UnitId,
            };
            await announcer.SaveAndAnnounceAsync(db, transaction, [registered], ct);
        }
        return letter.Id;
    }

    private static async Task<Guid?> FindSubmissionAsync(PortalDbContext db, Guid submissionId, CancellationToken ct) =>
        await db.IncomingLetters.Where(l => l.SubmissionId == submissionId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);

    private static Dictionary<string, string> Validate(IncomingLetterInput input, IReadOnlyList<FileUpload> uploads, LetterDirectory dir, int unitId, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        void Require(string? value, string field, string message, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = message;
            }
            else if (value.Trim().Length > max)
            {
                errors[field] = $"Paling banyak {max} karakter.";
            }
        }
        Require(input.SenderNumber, nameof(input.SenderNumber), "Nomor surat wajib diisi.", 100);
        Require(input.Sender, nameof(input.Sender), "Asal surat wajib diisi.", 200);
        Require(input.Subject, nameof(input.Subject), "Perihal wajib diisi.", 500);
        if (input.Summary?.Length > 4000)
        {
            errors[nameof(input.Summary)] = "Ringkasan paling banyak 4000 karakter.";
        }
        if (LetterNumbering.CheckClassification(input.ClassificationCode) is string code)
        {
            errors[nameof(input.ClassificationCode)] = code;
        }
        if (input.LetterDate is null)
        {
            errors[nameof(input.LetterDate)] = "Tanggal surat wajib diisi.";
        }
        if (input.ReceivedDate is null)
        {
            errors[nameof(input.ReceivedDate)] = "Tanggal diterima wajib diisi.";
        }
        else if (input.ReceivedDate > today)
        {
            errors[nameof(input.ReceivedDate)] = "Tanggal diterima tidak boleh sesudah hari ini.";
        }
        if (input.LetterDate is DateOnly letterDate && input.ReceivedDate is DateOnly received && letterDate > received)
        {
            errors[nameof(input.LetterDate)] = "Tanggal surat tidak boleh sesudah tanggal diterima.";
        }
        if (!Enum.IsDefined(input.Security) || !Enum.IsDefined(input.Urgency))
        {
            errors[nameof(input.Security)] = "Sifat atau tingkat urgensi tidak dikenal.";
        }
        var subtree = dir.Tree.SubtreeOf(unitId);
        if (input.AddresseeId is not int addressee)
        {
            errors[nameof(input.AddresseeId)] = "Tujuan surat (pimpinan) wajib dipilih.";
        }
        else if (!dir.People.TryGetValue(addressee, out var person) || !person.IsActive || !dir.Leaders.Contains(addressee) || !subtree.Contains(person.UnitId))
        {
            errors[nameof(input.AddresseeId)] = "Tujuan surat harus pimpinan aktif di unit Anda.";
        }
        foreach (var id in input.CopyEmployeeIds)
        {
            if (!dir.People.TryGetValue(id, out var p) || !p.IsActive)
            {
                errors[nameof(input.CopyEmployeeIds)] = "Penerima tembusan tidak ditemukan atau tidak aktif.";
            }
        }
        foreach (var id in input.CopyUnitIds)
        {
            if (!dir.Tree.Contains(id) || dir.HeadOf(id) is null)
            {
                errors[nameof(input.CopyUnitIds)] = "Unit penerima tembusan tidak ditemukan atau belum memiliki kepala.";
            }
        }
        if (uploads.Count == 0)
        {
            errors["Files"] = "Lampirkan minimal satu pindaian surat (PDF, JPEG atau PNG).";
        }
        else if (uploads.Count > LetterFiles.MaxFiles)
        {
            errors["Files"] = $"Paling banyak {LetterFiles.MaxFiles} lampiran.";
        }
        return errors;
    }

    private static IEnumerable<(int EmployeeId, int? UnitId)> CopyHolders(IncomingLetterInput input, LetterDirectory dir)
    {
        var seen = new HashSet<int> { input.AddresseeId!.Value };
        foreach (var unitId in input.CopyUnitIds.Distinct())
        {
            var head = dir.HeadOf(unitId)!;
            if (seen.Add(head.Id))
            {
                yield return (head.Id, unitId);
            }
        }
        foreach (var id in input.CopyEmployeeIds.Distinct())
        {
            if (seen.Add(id))
            {
                yield return (id, null);
            }
        }
    }
}
