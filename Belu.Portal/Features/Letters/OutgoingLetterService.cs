using System.ComponentModel.DataAnnotations;
using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;
using ValidationException = Belu.Portal.Common.ValidationException;

namespace Belu.Portal.Features.Letters;

public sealed class OutgoingLetterInput
{
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    [Required(ErrorMessage = "Kode klasifikasi wajib diisi.")]
    public string? ClassificationCode { get; set; }

    [Required(ErrorMessage = "Tanggal surat wajib diisi.")]
    public DateOnly? LetterDate { get; set; }

    [Required(ErrorMessage = "Perihal wajib diisi."), MaxLength(500)]
    public string? Subject { get; set; }

    [MaxLength(4000)]
    public string? Summary { get; set; }

    public SecurityClass Security { get; set; }

    [Required(ErrorMessage = "Tujuan surat wajib diisi."), MaxLength(2000)]
    public string? Addressees { get; set; }

    [MaxLength(2000)]
    public string? Copies { get; set; }

    [Required(ErrorMessage = "Penanda tangan wajib dipilih.")]
    public int? SignerId { get; set; }

    public DateOnly? SentDate { get; set; }
}

public sealed record OutgoingQuery(string? Text = null, DateOnly? From = null, DateOnly? To = null, bool? Sent = null, int Skip = 0, int Take = 25);

public sealed record OutgoingRow(Guid Id, string Number, DateOnly LetterDate, string Subject, string Addressees, string SignerName, DateOnly? SentDate, SecurityClass Security, bool HasScan)
{
    /// <summary>When an electronic letter was signed (UTC); null for a letter signed by hand.</summary>
    public DateTime? SignedAtUtc { get; init; }

    /// <summary>Where an electronic letter went ("diterima 2 (dibaca 1)"), or null.</summary>
    public string? Delivery { get; init; }
}

public sealed record OutgoingDetail(
    Guid Id, string Number, string UnitName, string ClassificationCode, DateOnly LetterDate, string Subject, string? Summary,
    SecurityClass Security, string Addressees, string? Copies, PersonRef Signer, DateOnly? SentDate, string CreatedByName,
    DateTime CreatedAtUtc, IReadOnlyList<FileRef> Files, bool CanRecordSending, Guid Version);

public sealed record OutgoingOptions(string UnitName, string UnitCode, IReadOnlyList<PersonRef> Signers);

/// <summary>
/// The outgoing register (surat keluar): a clerk registers a letter of the unit and gets the next number in the
/// regional format; the date sent and the final scan are recorded when it goes out.
/// </summary>
public sealed class OutgoingLetterService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    FileStore fileStore)
{
    internal static bool CanSee(LetterViewer viewer, OutgoingLetter letter) =>
        letter.SignerId == viewer.EmployeeId || letter.CreatedById == viewer.EmployeeId
        || (!letter.Security.IsSecret() && (viewer.LedUnits.Contains(letter.UnitId) || viewer.AgendaUnitId == letter.UnitId));

    internal static IQueryable<OutgoingLetter> Visible(PortalDbContext db, LetterViewer viewer)
    {
        var me = viewer.EmployeeId;
        var led = viewer.LedUnits.ToList();
        var agenda = viewer.AgendaUnitId ?? -1;
        return db.OutgoingLetters.Where(l => l.SignerId == me || l.CreatedById == me
            || (l.Security != SecurityClass.Rahasia && l.Security != SecurityClass.SangatRahasia && (led.Contains(l.UnitId) || l.UnitId == agenda)));
    }

    public async Task<OutgoingOptions> GetOptionsAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Agendaris);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var unitId = dir.RequireAgendaUnit();
        return new OutgoingOptions(dir.UnitName(unitId), dir.Tree[unitId].Code, Signers(dir, unitId).Select(p => dir.Ref(p.Id)).ToList());
    }

    private static IEnumerable<LetterDirectory.PersonRow> Signers(LetterDirectory dir, int unitId)
    {
        var subtree = dir.Tree.SubtreeOf(unitId);
        return dir.People.Values.Where(p => p.IsActive && dir.Leaders.Contains(p.Id) && subtree.Contains(p.UnitId))
            .OrderBy(p => p.UnitId == unitId ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal);
    }

    public async Task<Guid> RegisterAsync(OutgoingLetterInput input, FileUpload? scan, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Agendaris);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var unitId = dir.RequireAgendaUnit();
        if (await FindSubmissionAsync(db, input.SubmissionId, ct) is Guid already)
        {
            return already;
        }
        var errors = new Dictionary<string, string>();
        if (LetterNumbering.CheckClassification(input.ClassificationCode) is string code)
        {
            errors[nameof(input.ClassificationCode)] = code;
        }
        if (input.LetterDate is null)
        {
            errors[nameof(input.LetterDate)] = "Tanggal surat wajib diisi.";
        }
        if (string.IsNullOrWhiteSpace(input.Subject) || input.Subject.Length > 500)
        {
            errors[nameof(input.Subject)] = "Perihal wajib diisi (paling banyak 500 karakter).";
        }
        if (string.IsNullOrWhiteSpace(input.Addressees) || input.Addressees.Length > 2000)
        {
            errors[nameof(input.Addressees)] = "Tujuan surat wajib diisi (paling banyak 2000 karakter).";
        }
        if (input.Copies?.Length > 2000 || input.Summary?.Length > 4000)
        {
            errors[nameof(input.Copies)] = "Tembusan atau ringkasan terlalu panjang.";
        }
        if (input.SignerId is not int signer || Signers(dir, unitId).All(p => p.Id != signer))
        {
            errors[nameof(input.SignerId)] = "Penanda tangan harus pimpinan aktif di unit Anda.";
        }
        if (input.SentDate is DateOnly sent && (input.LetterDate is DateOnly ld && sent < ld || sent > clock.Today))
        {
            errors[nameof(input.SentDate)] = "Tanggal kirim harus antara tanggal surat dan hari ini.";
        }
        if (!Enum.IsDefined(input.Security))
        {
            errors[nameof(input.Security)] = "Sifat surat tidak dikenal.";
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }
        var stored = scan is null ? null : await fileStore.SaveAsync(scan.Content, scan.FileName, LetterFiles.ScanKinds, ct);

        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await FindSubmissionAsync(db, input.SubmissionId, ct) is Guid raced)
        {
            return raced;
        }
        var year = input.LetterDate!.Value.Year;
        var sequence = await LetterWrites.NextSequenceAsync(db, unitId, year, LetterRegister.Outgoing, ct);
        // PostgreSQL reads do not wait: the counter's row lock is where the second request waited, so look once more.
        if (await FindSubmissionAsync(db, input.SubmissionId, ct) is Guid afterLock)
        {
            return afterLock;
        }
        var classification = LetterNumbering.NormalizeClassification(input.ClassificationCode)!;
        var letter = new OutgoingLetter
        {
            UnitId = unitId,
            Year = year,
            Sequence = sequence,
            Number = LetterNumbering.OutgoingNumber(classification, sequence, dir.Tree[unitId].Code, year),
            ClassificationCode = classification,
            LetterDate = input.LetterDate.Value,
            Subject = input.Subject!.Trim(),
            Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim(),
            Security = input.Security,
            Addressees = input.Addressees!.Trim(),
            Copies = string.IsNullOrWhiteSpace(input.Copies) ? null : input.Copies.Trim(),
            SignerId = input.SignerId!.Value,
            SentDate = input.SentDate,
            CreatedById = dir.Me,
            CreatedAtUtc = now,
            SubmissionId = input.SubmissionId,
        };
        db.OutgoingLetters.Add(letter);
        if (stored is not null)
        {
            db.LetterFiles.Add(LetterFiles.NewFile(stored, dir.Me, now, outgoingId: letter.Id));
        }
        audit.Add(db, "outgoing.registered", letter.Number, letter.Security.IsSecret() ? "(rahasia)" : letter.Subject);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return letter.Id;
    }

    private static async Task<Guid?> FindSubmissionAsync(PortalDbContext db, Guid submissionId, CancellationToken ct) =>
        await db.OutgoingLetters.Where(l => l.SubmissionId == submissionId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);

    /// <summary>Records that the letter went out: the date sent and (optionally) the final signed scan.</summary>
    public async Task RecordSendingAsync(Guid id, DateOnly sentDate, FileUpload? scan, Guid version, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Agendaris);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var letter = await db.OutgoingLetters.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null || !CanSee(dir.Viewer, letter) || dir.Viewer.AgendaUnitId != letter.UnitId)
        {
            throw new NotFoundException("Surat keluar tidak ditemukan.");
        }
        if (sentDate < letter.LetterDate || sentDate > clock.Today)
        {
            throw new ValidationException("Tanggal kirim harus antara tanggal surat dan hari ini.");
        }
        var stored = scan is null ? null : await fileStore.SaveAsync(scan.Content, scan.FileName, LetterFiles.ScanKinds, ct);
        db.Entry(letter).Property(l => l.Version).OriginalValue = version;
        letter.SentDate = sentDate;
        letter.Version = Guid.NewGuid();
        if (stored is not null)
        {
            db.LetterFiles.Add(LetterFiles.NewFile(stored, dir.Me, clock.UtcNow, outgoingId: letter.Id));
        }
        audit.Add(db, "outgoing.sent", letter.Number, $"dikirim {sentDate:yyyy-MM-dd}{(stored is null ? "" : "; pindaian akhir")}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException();
        }
    }

    /// <summary>The register's filters over the letters the caller may see: one query for the page and the export.</summary>
    internal static IQueryable<OutgoingLetter> Filter(PortalDbContext db, LetterDirectory dir, OutgoingQuery query)
    {
        var letters = Visible(db, dir.Viewer).AsNoTracking();
        if (LetterWrites.FullTextQuery(query.Text) is string match)
        {
            var hits = LetterWrites.SearchOutgoing(db, match);
            letters = letters.Where(l => hits.Contains(l.SearchKey));
        }
        if (query.From is DateOnly from)
        {
            letters = letters.Where(l => l.LetterDate >= from);
        }
        if (query.To is DateOnly to)
        {
            letters = letters.Where(l => l.LetterDate <= to);
        }
        if (query.Sent is bool isSent)
        {
            letters = isSent ? letters.Where(l => l.SentDate != null) : letters.Where(l => l.SentDate == null);
        }
        return letters;
    }

    public async Task<PagedResult<OutgoingRow>> SearchAsync(OutgoingQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var letters = Filter(db, dir, query);
        var total = await letters.CountAsync(ct);
        var page = letters.OrderByDescending(l => l.Year).ThenByDescending(l => l.Sequence)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200));
        var rows = await ElectronicLetters.Delivery.RegisterTrail.Of(db, page)
            .Select(t => new { t.Letter.Id, t.Letter.Number, t.Letter.LetterDate, t.Letter.Subject, t.Letter.Addressees, t.Letter.SignerId, t.Letter.SentDate,
                t.Letter.Security, HasScan = t.Letter.Files.Any(), t.SignedAtUtc, t.SignedBy, t.SignedAs, t.Delivered, t.Read, t.Dispatched })
            .ToListAsync(ct);
        return new(rows.Select(r => new OutgoingRow(r.Id, r.Number, r.LetterDate, r.Subject, r.Addressees,
            ElectronicLetters.Delivery.RegisterTrail.SignerText(r.SignedBy, r.SignedAs) ?? dir.NameOf(r.SignerId), r.SentDate, r.Security, r.HasScan)
        {
            SignedAtUtc = r.SignedAtUtc, Delivery = ElectronicLetters.Delivery.RegisterTrail.DeliveryText(r.Delivered, r.Read, r.Dispatched),
        }).ToList(), total);
    }

    public async Task<OutgoingDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var letter = await db.OutgoingLetters.AsNoTracking().Include(l => l.Files).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null || !CanSee(dir.Viewer, letter))
        {
            throw new NotFoundException("Surat keluar tidak ditemukan.");
        }
        await audit.WriteAsync("outgoing.read", letter.Number);
        // Receipts of sendings are listed with their sending (DeliveryPanel), not as the letter's scans.
        var receipts = await db.Set<ElectronicLetters.Delivery.LetterDispatch>().Where(d => d.OutgoingLetterId == id && d.ReceiptFileId != null)
            .Select(d => d.ReceiptFileId!.Value).ToListAsync(ct);
        letter.Files.RemoveAll(f => receipts.Contains(f.Id));
        return new OutgoingDetail(letter.Id, letter.Number, dir.UnitName(letter.UnitId), letter.ClassificationCode, letter.LetterDate, letter.Subject,
            letter.Summary, letter.Security, letter.Addressees, letter.Copies, dir.Ref(letter.SignerId), letter.SentDate, dir.NameOf(letter.CreatedById),
            letter.CreatedAtUtc, letter.Files.OrderBy(f => f.UploadedAtUtc).Select(f => new FileRef(f.Id, f.FileName, f.ContentType, f.Length)).ToList(),
            dir.Viewer.AgendaUnitId == letter.UnitId, letter.Version);
    }
}
