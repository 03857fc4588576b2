using System.Security.Cryptography;
using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.ElectronicLetters.Pdf;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Notifications.Channels;
using Belu.Portal.Features.Organization.Acting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>What the signer sees after signing.</summary>
public sealed record SignedDraft(Guid SignedLetterId, string Number, DateOnly LetterDate, string VerificationCode);

/// <summary>
/// The signer signs the draft that awaits them with their passphrase. Only then does the letter get its number, from
/// the OPD's outgoing register inside the same transaction as the signature (docs/decisions/0021): a refusal rolls the
/// number back, so the register stays gap-free and a cancelled or unsigned draft consumes none. The signed PDF (number,
/// date and QR code drawn in before the signature) is kept unchangeable with its SHA-256 and a random verification
/// code; the letter enters the register as a surat keluar; the conceptor hears of it. A wrong passphrase signs nothing,
/// is audited and counted: the fifth in a row locks signing for that signer until an admin unlocks it. While a Plh/Plt
/// acts for the signer's post he signs with his own certificate as "Plh. &lt;jabatan&gt;" (<see cref="DraftSigner"/>).
/// </summary>
public sealed class SignDraft(IDbContextFactory<PortalDbContext> dbFactory, LetterDirectories directories, CurrentUser currentUser,
    ISignatureProvider provider, LetterPdf renderer, AuditLog audit, Announcer announcer, OfficeClock clock, IOptions<ChannelOptions> channels,
    IOptions<ActingOptions> acting, SuratTugasDuty duty, Delivery.DeliverSignedLetter delivery)
{
    public async Task<SignedDraft> HandleAsync(Guid id, string passphrase, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (draft, _) = await DraftScope.LoadVisibleAsync(db, dir, id, ct);
        if (draft.Status != DraftStatus.MenungguTandaTangan || draft.Steps.SingleOrDefault(s => s.Order == draft.CurrentStep)?.Role != DraftStepRole.Penandatangan)
        {
            throw new ForbiddenException(draft.Status == DraftStatus.Ditandatangani
                ? "Naskah ini sudah ditandatangani."
                : "Naskah ini belum menunggu tanda tangan Anda.");
        }
        var signer = await SignerOrRefusedAsync(db, dir, draft, ct);
        // The passphrase is the one at the keyboard's: his tries are counted and locked, not the post's official's.
        if (await db.Set<SignerLock>().AsNoTracking().AnyAsync(l => l.EmployeeId == dir.ActorId && l.LockedAtUtc != null, ct))
        {
            throw new ForbiddenException(SignerLocks.LockedMessage);
        }
        DraftScope.RequireVersion(draft, version);
        if (string.IsNullOrEmpty(passphrase))
        {
            throw new ValidationException("Isi passphrase tanda tangan elektronik Anda.", new Dictionary<string, string> { ["passphrase"] = "Isi passphrase." });
        }

        var content = DraftContent.FromJson(draft.ContentJson);
        var opd = dir.Tree.OpdOf(draft.UnitId)?.Id ?? draft.UnitId;
        var kop = await LetterheadQueries.ForOpdAsync(db, opd, ct);
        var classification = LetterNumbering.NormalizeClassification(content.ClassificationCode)
            ?? throw new ValidationException("Kode klasifikasi naskah tidak sah; kembalikan konsep untuk diperbaiki.");
        var today = clock.Today;
        var now = clock.UtcNow;
        var code = NewVerificationCode();
        var url = $"{channels.Value.PublicUrl.TrimEnd('/')}/verifikasi/{code}";

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // From here until commit the register's counter is held: concurrent signers of the OPD wait their turn.
        var sequence = await LetterWrites.NextSequenceAsync(db, opd, today.Year, LetterRegister.Outgoing, ct);
        var number = LetterNumbering.OutgoingNumber(classification, sequence, dir.Tree[opd].Code, today.Year);
        var document = DraftDocument.Build(draft.Kind, content, kop, signer.Block, today, number, url);
        var outcome = await provider.SignAsync(renderer.Render(document), new SignerIdentity(signer.Person.Id, signer.Person.Name, signer.Person.Nip, signer.Person.Position), passphrase, ct);
        if (!outcome.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw await RefusedAsync(db, draft.Id, dir.ActorId, outcome, now, ct);
        }

        var pdf = outcome.SignedPdf!;
        var outgoing = new OutgoingLetter
        {
            UnitId = opd, Year = today.Year, Sequence = sequence, Number = number, ClassificationCode = classification, LetterDate = today,
            Subject = content.Subject, Security = content.Security, Addressees = string.Join('\n', document.Addressees),
            Copies = document.Copies.Count == 0 ? null : string.Join('\n', document.Copies), SignerId = draft.SignerId,
            CreatedById = draft.ConceptorId, CreatedAtUtc = now, SubmissionId = draft.Id,
        };
        var signed = new SignedLetter
        {
            DraftId = draft.Id, OutgoingLetterId = outgoing.Id, UnitId = opd, Kind = draft.Kind, Number = number, LetterDate = today,
            SignedAtUtc = now, SignerEmployeeId = signer.Person.Id, SignerName = signer.Person.Name, SignerPosition = signer.Capacity, SignerNip = signer.Person.Nip,
            Subject = content.Subject, Addressees = outgoing.Addressees, Security = content.Security,
            Sha256 = SignedLetter.HashOf(pdf), VerificationCode = code, Provider = provider.Name, Pdf = pdf,
        };
        db.OutgoingLetters.Add(outgoing);
        db.Set<SignedLetter>().Add(signed);
        var step = draft.Steps.Single(s => s.Order == draft.CurrentStep);
        (step.State, step.ActedAtUtc) = (DraftStepState.Diparaf, now);
        draft.Status = DraftStatus.Ditandatangani;
        draft.CurrentStep = null;
        DraftScope.Touch(draft, now);
        DraftScope.History(db, draft, dir, DraftAction.Ditandatangani, now, number);
        await db.Set<SignerLock>().Where(l => l.EmployeeId == dir.ActorId).ExecuteDeleteAsync(ct);
        audit.Add(db, "draft.signed", draft.Id.ToString(), $"{number}; SHA-256 {signed.Sha256}{dir.ActingSuffix}");
        // A Surat Tugas orders its staff's DL days: recorded with the signature, or not at all.
        await duty.RecordAsync(db, signed, content, draft.SignerId, signer, ct);
        var notice = new DraftSigned
        {
            DraftId = draft.Id, Subject = DraftScope.NoticeSubject(draft), ByName = dir.ActorLabel, Number = number, AtUtc = now,
            // Signed in the official's name by his Plh/Plt: he hears of it too.
            RecipientEmployeeIds = dir.Acting is null ? [draft.ConceptorId] : [draft.ConceptorId, draft.SignerId],
            UnitId = opd, SignerPosition = signer.Capacity, KindLabel = draft.Kind.Label(),
        };
        // Internal addressees receive it in the same transaction: signed and delivered together, or neither (docs/decisions/0024).
        var delivered = await delivery.StageAsync(db, dir, signed, content, ct);
        await announcer.SaveAndAnnounceAsync(db, transaction, [notice, .. delivered], ct);
        return new SignedDraft(signed.Id, number, today, code);
    }

    /// <summary>The signer for the caller; a refusal (not the signer, or a kind reserved for the definitive official) is audited.</summary>
    private async Task<DraftSigner> SignerOrRefusedAsync(PortalDbContext db, Letters.LetterDirectory dir, ElectronicDraft draft, CancellationToken ct)
    {
        try
        {
            return await DraftSigner.ResolveAsync(db, dir, draft, acting.Value, ct);
        }
        catch (ForbiddenException refused) when (dir.Acting is not null)
        {
            await audit.WriteAsync("draft.sign-refused", draft.Id.ToString(), $"{refused.Message}{dir.ActingSuffix}");
            throw;
        }
    }

    /// <summary>Audits the refusal and, for a wrong passphrase, counts it; the exception tells the signer what happened.</summary>
    private async Task<Exception> RefusedAsync(PortalDbContext db, Guid draftId, int me, SigningOutcome outcome, DateTime now, CancellationToken ct)
    {
        if (outcome.Refusal != SigningRefusal.WrongPassphrase)
        {
            await audit.WriteAsync("draft.sign-refused", draftId.ToString(), outcome.Refusal.ToString());
            return new ValidationException(outcome.Message!);
        }
        var failures = await SignerLocks.CountFailureAsync(db, me, now, ct);
        audit.Add(db, "draft.sign-wrong-passphrase", draftId.ToString(), $"percobaan salah ke-{failures}");
        if (failures >= SignerLock.MaxFailures)
        {
            audit.Add(db, "signature.locked", draftId.ToString(), $"{failures} kali passphrase salah");
        }
        await db.SaveChangesAsync(ct);
        return failures >= SignerLock.MaxFailures
            ? new ForbiddenException(SignerLocks.LockedMessage)
            : new ValidationException($"{outcome.Message} Sisa percobaan: {SignerLock.MaxFailures - failures}.",
                new Dictionary<string, string> { ["passphrase"] = "Passphrase salah." });
    }

    // 80 random bits in Crockford's base32 (no I, L, O, U): short enough for a QR code, too many to guess.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    internal static string NewVerificationCode()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }
        return new string(chars);
    }
}
