using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters.Delivery;

/// <summary>The "catat pengiriman" form of an outgoing letter. The service validates it again.</summary>
public sealed class DispatchInput
{
    public const int MaxReceiverLength = 200;

    /// <summary>One line of the letter's Kepada or Tembusan.</summary>
    public string? Recipient { get; set; }

    public DispatchMethod? Method { get; set; }

    public DateOnly? SentDate { get; set; }

    public string? ReceiverName { get; set; }
}

/// <summary>
/// The clerk of the sending OPD (agendaris) or the letter's conceptor records how and when the letter went to an
/// external addressee: by courier, post, email or by hand, the date, who received it, and optionally the receipt.
/// The first sending also dates the register's "dikirim". Audited.
/// </summary>
public sealed class RecordDispatch(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    FileStore fileStore)
{
    /// <summary>The conceptor (who made the register row), or a clerk of the sending OPD (only Agendaris holders have an agenda unit).</summary>
    internal static bool MayRecord(LetterDirectory dir, OutgoingLetter letter) =>
        letter.CreatedById == dir.Me || dir.Viewer.AgendaUnitId == letter.UnitId;

    /// <exception cref="NotFoundException">No such letter, or out of the caller's scope.</exception>
    /// <exception cref="ForbiddenException">The caller is neither the sending OPD's clerk nor the conceptor.</exception>
    /// <exception cref="ValidationException">A missing or wrong field, or a receipt that is not a scan.</exception>
    public async Task HandleAsync(Guid outgoingLetterId, DispatchInput input, FileUpload? receipt, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var letter = await db.OutgoingLetters.FirstOrDefaultAsync(l => l.Id == outgoingLetterId, ct);
        if (letter is null || !OutgoingLetterService.CanSee(dir.Viewer, letter))
        {
            throw new NotFoundException("Surat keluar tidak ditemukan.");
        }
        if (!MayRecord(dir, letter))
        {
            throw new ForbiddenException("Hanya agendaris unit pengirim atau pembuat konsep yang dapat mencatat pengiriman surat ini.");
        }
        var errors = Validate(input, letter, clock.Today);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }
        var stored = receipt is null ? null : await fileStore.SaveAsync(receipt.Content, receipt.FileName, LetterFiles.ScanKinds, ct);
        var now = clock.UtcNow;
        var file = stored is null ? null : LetterFiles.NewFile(stored, dir.Me, now, outgoingId: letter.Id);
        if (file is not null)
        {
            db.LetterFiles.Add(file);
        }
        var dispatch = new LetterDispatch
        {
            OutgoingLetterId = letter.Id, Recipient = input.Recipient!.Trim(), Method = input.Method!.Value, SentDate = input.SentDate!.Value,
            ReceiverName = input.ReceiverName!.Trim(), ReceiptFileId = file?.Id, RecordedById = dir.Me, RecordedAtUtc = now,
        };
        db.Set<LetterDispatch>().Add(dispatch);
        if (letter.SentDate is null || dispatch.SentDate < letter.SentDate)
        {
            letter.SentDate = dispatch.SentDate;
            letter.Version = Guid.NewGuid();
        }
        audit.Add(db, "outgoing.dispatched", letter.Number,
            $"kepada {dispatch.Recipient} via {dispatch.Method.Label()} {dispatch.SentDate:yyyy-MM-dd}, diterima {dispatch.ReceiverName}{(file is null ? "" : "; tanda terima")}{dir.ActingSuffix}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException("Surat keluar ini baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.");
        }
    }

    private static Dictionary<string, string> Validate(DispatchInput input, OutgoingLetter letter, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var recipients = DeliveryStatusQuery.Lines(letter.Addressees).Concat(DeliveryStatusQuery.Lines(letter.Copies)).ToHashSet();
        if (string.IsNullOrWhiteSpace(input.Recipient))
        {
            errors[nameof(input.Recipient)] = "Pilih tujuan surat yang dikirim.";
        }
        else if (!recipients.Contains(input.Recipient.Trim()))
        {
            errors[nameof(input.Recipient)] = "Tujuan ini tidak tercantum pada surat (Kepada atau Tembusan).";
        }
        if (input.Method is not DispatchMethod method || !Enum.IsDefined(method))
        {
            errors[nameof(input.Method)] = "Pilih cara pengiriman: kurir, pos, email atau diantar langsung.";
        }
        if (input.SentDate is not DateOnly sent)
        {
            errors[nameof(input.SentDate)] = "Tanggal kirim wajib diisi.";
        }
        else if (sent < letter.LetterDate || sent > today)
        {
            errors[nameof(input.SentDate)] = "Tanggal kirim harus antara tanggal surat dan hari ini.";
        }
        if (string.IsNullOrWhiteSpace(input.ReceiverName))
        {
            errors[nameof(input.ReceiverName)] = "Nama penerima wajib diisi.";
        }
        else if (input.ReceiverName.Trim().Length > DispatchInput.MaxReceiverLength)
        {
            errors[nameof(input.ReceiverName)] = $"Nama penerima paling banyak {DispatchInput.MaxReceiverLength} karakter.";
        }
        return errors;
    }
}
