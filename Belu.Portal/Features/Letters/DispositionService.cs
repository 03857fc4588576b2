using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>A recipient the caller may choose: a subordinate, or a unit below the caller held by its head.</summary>
public sealed record RecipientOption(string Key, int Id, bool IsUnit, string Name, string Detail);

/// <summary>What the disposition form offers, and the version of what it disposes (letter or parent disposition).</summary>
public sealed record DispositionForm(
    Guid LetterId, Guid? ParentId, string AgendaNumber, string Subject, IReadOnlyList<RecipientOption> Recipients,
    IReadOnlyList<string> Instructions, DateOnly Today, Guid Version);

/// <summary>The disposition form's input. <see cref="Version"/> is what the form was opened on.</summary>
public sealed class DispositionInput
{
    public Guid? ParentId { get; set; }

    public List<int> EmployeeIds { get; set; } = [];

    public List<int> UnitIds { get; set; } = [];

    public List<string> Instructions { get; set; } = [];

    public string? Note { get; set; }

    public DateOnly? Deadline { get; set; }

    public Guid Version { get; set; }

    /// <summary>The same checks the service makes that need no database; the form shows them at once.</summary>
    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (EmployeeIds.Count + UnitIds.Count == 0)
        {
            errors[nameof(EmployeeIds)] = "Pilih minimal satu penerima disposisi.";
        }
        if (Instructions.Count == 0)
        {
            errors[nameof(Instructions)] = "Pilih minimal satu instruksi.";
        }
        if (Deadline is DateOnly d && d < today)
        {
            errors[nameof(Deadline)] = "Batas waktu tidak boleh sebelum hari ini.";
        }
        if (Note?.Length > 2000)
        {
            errors[nameof(Note)] = "Catatan paling banyak 2000 karakter.";
        }
        return errors;
    }
}

public sealed record MyDispositionQuery(DispositionStatus? Status = null, bool OverdueOnly = false, bool Sent = false, int Skip = 0, int Take = 25);

public sealed record MyDispositionRow(
    Guid Id, Guid LetterId, string AgendaNumber, string Subject, string Sender, string FromName, string ToName,
    IReadOnlyList<string> Instructions, DateOnly? Deadline, DispositionStatus Status, bool Overdue, DateTime CreatedAtUtc, Urgency Urgency);

/// <summary>
/// The disposition tree: the addressee disposes, recipients forward to their own subordinates, mark the work in
/// progress and finish it with a follow-up report. Every change is audited, tracked and announced after commit;
/// two people changing the same thing at once get <see cref="ConcurrencyException"/>, never a lost update.
/// </summary>
public sealed class DispositionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    FileStore fileStore,
    Announcer announcer)
{
    public async Task<DispositionForm> GetFormAsync(Guid letterId, Guid? parentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (letter, _) = await IncomingLetterService.LoadVisibleAsync(db, dir, letterId, ct);
        var version = CheckMayDispose(letter, parentId, dir);
        var instructions = await db.DispositionInstructions.AsNoTracking().Where(i => i.IsActive)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Text).Select(i => i.Text).ToListAsync(ct);
        return new DispositionForm(letter.Id, parentId, letter.AgendaNumber, letter.Subject, RecipientsFor(dir), instructions, clock.Today, version);
    }

    /// <summary>The active instruction list, in the admin's order (the lembar disposisi prints every choice).</summary>
    public async Task<IReadOnlyList<string>> GetInstructionTextsAsync(CancellationToken ct = default)
    {
        currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DispositionInstructions.AsNoTracking().Where(i => i.IsActive)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Text).Select(i => i.Text).ToListAsync(ct);
    }

    private static List<RecipientOption> RecipientsFor(LetterDirectory dir)
    {
        var me = dir.MeRow;
        var people = dir.SubordinatesOf(me.Id);
        var units = dir.Tree.SubtreeOf(me.UnitId).Where(u => u != me.UnitId && dir.Tree[u].IsActive)
            .Select(u => (Unit: dir.Tree[u], Head: dir.HeadOf(u)))
            .Where(x => x.Head is not null && dir.IsSubordinateOf(x.Head.Id, me.Id))
            .OrderBy(x => dir.Tree.PathOf(x.Unit.Id), StringComparer.Ordinal)
            .Select(x => new RecipientOption($"u{x.Unit.Id}", x.Unit.Id, true, x.Unit.Name, $"Kepala: {x.Head!.Name}"));
        var persons = people
            .OrderBy(p => p.SuperiorId == me.Id ? 0 : 1).ThenBy(p => dir.Tree.PathOf(p.UnitId), StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new RecipientOption($"p{p.Id}", p.Id, false, p.Name, $"{p.Position} · {dir.UnitName(p.UnitId)}"));
        return [.. units, .. persons];
    }

    /// <summary>Checks the caller may dispose (root) or forward (from a disposition of theirs); returns the version to hold.</summary>
    private static Guid CheckMayDispose(IncomingLetter letter, Guid? parentId, LetterDirectory dir)
    {
        if (parentId is not Guid pid)
        {
            var isAddressee = letter.AddresseeId == dir.Me;
            var progress = LetterStateRules.Summarize(letter.Dispositions.Select(d => new DispositionSnapshot(d.Status, d.Deadline))).Progress;
            return DispositionRules.CheckDisposeLetter(progress, isAddressee) switch
            {
                null => letter.Version,
                var refusal when !isAddressee => throw new ForbiddenException(refusal),
                var refusal => throw new ValidationException(refusal),
            };
        }
        var parent = letter.Dispositions.FirstOrDefault(d => d.Id == pid) ?? throw new NotFoundException("Disposisi tidak ditemukan.");
        var error = DispositionRules.Check(DispositionAction.Forward,
            new DispositionFacts(parent.Status, parent.ToEmployeeId == dir.Me, parent.FromEmployeeId == dir.Me));
        return error is null ? parent.Version : throw new ForbiddenException(error);
    }

    /// <summary>Disposes the letter (no parent) or forwards a disposition (with one) to one or more recipients.</summary>
    public async Task<IReadOnlyList<Guid>> DisposeAsync(Guid letterId, DispositionInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        // Who may dispose is settled before what: a stranger hears "not yours", not a list of form errors.
        var (preview, _) = await IncomingLetterService.LoadVisibleAsync(db, dir, letterId, ct);
        if (input.ParentId is null ? preview.AddresseeId != dir.Me : preview.Dispositions.All(d => d.Id != input.ParentId || d.ToEmployeeId != dir.Me))
        {
            CheckMayDispose(preview, input.ParentId, dir);
        }
        db.ChangeTracker.Clear();
        var errors = input.Check(today);
        var instructions = await db.DispositionInstructions.AsNoTracking().Where(i => i.IsActive).Select(i => i.Text).ToListAsync(ct);
        if (input.Instructions.Any(i => !instructions.Contains(i)))
        {
            errors[nameof(input.Instructions)] = "Instruksi tidak dikenal; muat ulang daftar instruksi.";
        }
        var targets = ResolveRecipients(input, dir, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }

        var now = clock.UtcNow;
        var created = new List<Disposition>();
        List<LetterDisposed> events;
        IncomingLetter letter;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            (letter, _) = await IncomingLetterService.LoadVisibleAsync(db, dir, letterId, ct);
            // The version is compared before the rules: whoever lost the race hears that something changed, not a rule.
            var mine = input.ParentId is Guid p ? letter.Dispositions.FirstOrDefault(d => d.Id == p && d.ToEmployeeId == dir.Me)?.Version
                : letter.AddresseeId == dir.Me ? letter.Version : null;
            var version = mine is Guid current && current != input.Version ? current : CheckMayDispose(letter, input.ParentId, dir);
            if (version != input.Version)
            {
                throw new ConcurrencyException(input.ParentId is null
                    ? "Surat ini baru saja didisposisikan atau diubah oleh pengguna lain. Muat ulang untuk melihat disposisi terbaru, lalu coba lagi."
                    : "Disposisi Anda baru saja berubah (diteruskan atau diselesaikan di jendela lain). Muat ulang lalu coba lagi.");
            }
            var already = letter.Dispositions
                .Where(d => d.ParentId == input.ParentId && d.FromEmployeeId == dir.Me && d.Status != DispositionStatus.Dibatalkan)
                .Select(d => d.ToEmployeeId).ToHashSet();
            if (targets.FirstOrDefault(t => already.Contains(t.EmployeeId)) is { EmployeeId: > 0 } twice)
            {
                throw new ValidationException($"{dir.NameOf(twice.EmployeeId)} sudah menerima disposisi Anda untuk surat ini.");
            }

            foreach (var target in targets)
            {
                var d = new Disposition
                {
                    LetterId = letter.Id,
                    ParentId = input.ParentId,
                    FromEmployeeId = dir.Me,
                    ToEmployeeId = target.EmployeeId,
                    ToUnitId = target.UnitId,
                    ToWholeUnit = target.WholeUnit,
                    Instructions = [.. input.Instructions.Distinct()],
                    Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                    Deadline = input.Deadline,
                    Status = DispositionStatus.Baru,
                    CreatedAtUtc = now,
                };
                letter.Dispositions.Add(d);
                created.Add(d);
                var to = target.WholeUnit ? $"{dir.UnitName(target.UnitId)} (diterima {dir.NameOf(target.EmployeeId)})" : dir.NameOf(target.EmployeeId);
                var text = $"{(input.ParentId is null ? "Didisposisikan" : "Diteruskan")} kepada {to}: {string.Join(", ", d.Instructions)}."
                    + (d.Deadline is DateOnly dl ? $" Batas waktu {dl:dd MMM yyyy}." : "")
                    + (d.Note is null ? "" : $" Catatan: {d.Note}");
                db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, input.ParentId is null ? TrackKind.Disposed : TrackKind.Forwarded, dir.Me, dir.MeRow.Name, text, d.Id));
                audit.Add(db, input.ParentId is null ? "disposition.created" : "disposition.forwarded", letter.AgendaNumber, $"kepada {to}; {string.Join(", ", d.Instructions)}");
            }
            if (input.ParentId is Guid parentId)
            {
                var parent = letter.Dispositions.Single(d => d.Id == parentId);
                if (parent.Status != DispositionStatus.Diproses)
                {
                    parent.Status = DispositionStatus.Diproses;
                    parent.ReadAtUtc ??= now;
                    parent.ProcessingAtUtc ??= now;
                }
                parent.Version = Guid.NewGuid();
            }
            else
            {
                letter.Version = Guid.NewGuid();
            }
            LetterWrites.RefreshProgress(letter, letter.Dispositions);
            await LetterGrants.SyncAsync(db, letter, ct);
            events = created.Select(d => new LetterDisposed
            {
                AtUtc = now, LetterId = letter.Id, AgendaNumber = letter.AgendaNumber, DispositionId = d.Id, FromName = dir.MeRow.Name,
                FromPosition = dir.MeRow.Position, ToLabel = d.ToWholeUnit && d.ToUnitId is int unit ? dir.UnitName(unit) : dir.Ref(d.ToEmployeeId).Position,
                Deadline = d.Deadline, Subject = letter.Security.IsSecret() ? null : letter.Subject,
                RecipientEmployeeIds = [d.ToEmployeeId], UnitId = d.ToUnitId,
            }).ToList();
            await announcer.SaveAndAnnounceAsync(db, transaction, events, ct);
        }
        return created.Select(d => d.Id).ToList();
    }

    private sealed record Target(int EmployeeId, int UnitId, bool WholeUnit);

    private static List<Target> ResolveRecipients(DispositionInput input, LetterDirectory dir, Dictionary<string, string> errors)
    {
        var me = dir.MeRow;
        var targets = new List<Target>();
        var subtree = dir.Tree.SubtreeOf(me.UnitId);
        foreach (var unitId in input.UnitIds.Distinct())
        {
            if (!dir.Tree.Contains(unitId) || !dir.Tree[unitId].IsActive)
            {
                errors[nameof(input.UnitIds)] = "Unit penerima tidak ditemukan.";
                continue;
            }
            var head = dir.HeadOf(unitId);
            if (unitId == me.UnitId || !subtree.Contains(unitId) || head is null || !dir.IsSubordinateOf(head.Id, me.Id))
            {
                errors[nameof(input.UnitIds)] = $"{dir.UnitName(unitId)} bukan unit di bawah Anda; disposisi hanya dapat diberikan ke bawahan sendiri.";
                continue;
            }
            targets.Add(new Target(head.Id, unitId, true));
        }
        foreach (var id in input.EmployeeIds.Distinct())
        {
            if (!dir.People.TryGetValue(id, out var person) || !person.IsActive)
            {
                errors[nameof(input.EmployeeIds)] = "Penerima disposisi tidak ditemukan atau tidak aktif.";
                continue;
            }
            if (id == me.Id || !dir.IsSubordinateOf(id, me.Id))
            {
                errors[nameof(input.EmployeeIds)] = $"{person.Name} bukan bawahan Anda; disposisi hanya dapat diberikan ke bawahan sendiri.";
                continue;
            }
            if (targets.All(t => t.EmployeeId != id))
            {
                targets.Add(new Target(id, person.UnitId, false));
            }
        }
        return targets;
    }

    /// <summary>The recipient starts working on it (Diproses).</summary>
    public async Task MarkProcessingAsync(Guid dispositionId, Guid version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (letter, d) = await LoadForActionAsync(db, dir, dispositionId, ct);
        Apply(DispositionAction.StartProcessing, d, dir, version);
        d.ReadAtUtc ??= now;
        d.ProcessingAtUtc = now;
        d.Status = DispositionStatus.Diproses;
        d.Version = Guid.NewGuid();
        db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Processing, dir.Me, dir.MeRow.Name, "Disposisi sedang diproses.", d.Id));
        audit.Add(db, "disposition.processing", letter.AgendaNumber, $"dari {dir.NameOf(d.FromEmployeeId)}");
        LetterWrites.RefreshProgress(letter, letter.Dispositions);
        await SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Finishes the caller's disposition with a follow-up report (text, optional attachment): Selesai.</summary>
    public async Task FinishAsync(Guid dispositionId, Guid version, string? report, FileUpload? attachment, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        if (report?.Trim().Length > 4000)
        {
            throw new ValidationException("Laporan tindak lanjut paling banyak 4000 karakter.");
        }
        // Check the rules before storing anything, so a refused report leaves no file behind.
        var (previewLetter, preview) = await LoadForActionAsync(db, dir, dispositionId, ct);
        Apply(DispositionAction.Finish, preview, dir, version, report, OpenForwards(preview, previewLetter.Dispositions));
        var stored = attachment is null ? null : await fileStore.SaveAsync(attachment.Content, attachment.FileName, IncomingLetterService.ScanKinds, ct);
        db.ChangeTracker.Clear();

        var now = clock.UtcNow;
        IncomingLetter letter;
        Disposition d;
        DispositionFinished finished;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            (letter, d) = await LoadForActionAsync(db, dir, dispositionId, ct);
            Apply(DispositionAction.Finish, d, dir, version, report, OpenForwards(d, letter.Dispositions));
            d.Status = DispositionStatus.Selesai;
            d.Report = report!.Trim();
            d.ReadAtUtc ??= now;
            d.FinishedAtUtc = now;
            d.Version = Guid.NewGuid();
            if (stored is not null)
            {
                db.LetterFiles.Add(IncomingLetterService.NewFile(stored, dir.Me, now, letterId: letter.Id, dispositionId: d.Id));
            }
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Finished, dir.Me, dir.MeRow.Name,
                $"Disposisi diselesaikan. Laporan tindak lanjut: {d.Report}{(stored is null ? "" : $" (lampiran {stored.OriginalName})")}", d.Id));
            audit.Add(db, "disposition.finished", letter.AgendaNumber, $"dari {dir.NameOf(d.FromEmployeeId)}");
            LetterWrites.RefreshProgress(letter, letter.Dispositions);
            finished = new DispositionFinished
            {
                AtUtc = now, LetterId = letter.Id, AgendaNumber = letter.AgendaNumber, DispositionId = d.Id, RecipientName = dir.MeRow.Name,
                Subject = letter.Security.IsSecret() ? null : letter.Subject, RecipientEmployeeIds = [d.FromEmployeeId], UnitId = letter.UnitId,
            };
            await announcer.SaveAndAnnounceAsync(db, transaction, [finished], ct);
        }
    }

    /// <summary>The disposer withdraws a disposition the recipient has not read yet.</summary>
    public async Task CancelAsync(Guid dispositionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (letter, d) = await LoadForActionAsync(db, dir, dispositionId, ct);
        Apply(DispositionAction.Cancel, d, dir, d.Version);
        d.Status = DispositionStatus.Dibatalkan;
        d.CancelledAtUtc = now;
        d.Version = Guid.NewGuid();
        if (d.ParentId is null)
        {
            letter.Version = Guid.NewGuid();
        }
        db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Cancelled, dir.Me, dir.MeRow.Name,
            $"Disposisi kepada {dir.NameOf(d.ToEmployeeId)} dibatalkan sebelum dibaca.", d.Id));
        audit.Add(db, "disposition.cancelled", letter.AgendaNumber, $"kepada {dir.NameOf(d.ToEmployeeId)}");
        LetterWrites.RefreshProgress(letter, letter.Dispositions);
        await LetterGrants.SyncAsync(db, letter, ct);
        await SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>"Disposisi untuk saya" (or, with <c>Sent</c>, the ones the caller gave), overdue first.</summary>
    public async Task<PagedResult<MyDispositionRow>> SearchMineAsync(MyDispositionQuery query, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        var items = db.Dispositions.AsNoTracking().Where(d => query.Sent ? d.FromEmployeeId == me : d.ToEmployeeId == me);
        items = query.Status is DispositionStatus status
            ? items.Where(d => d.Status == status)
            : items.Where(d => d.Status != DispositionStatus.Dibatalkan);
        if (query.OverdueOnly)
        {
            items = items.Where(d => d.Deadline != null && d.Deadline < today
                && (d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses));
        }
        var total = await items.CountAsync(ct);
        // The page is chosen from the recipient's (or disposer's) index alone, which holds every column of the order
        // and the key; only the chosen rows are then read with their letters. Sorting whole rows joined to their
        // letters read every disposition a head of division ever received (30,000 rows) for a page of 25.
        var page = await items
            .OrderByDescending(d => d.Deadline != null && d.Deadline < today
                && (d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses))
            .ThenBy(d => d.Status == DispositionStatus.Selesai)
            .ThenByDescending(d => d.CreatedAtUtc)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .Select(d => d.Id)
            .ToListAsync(ct);
        var found = (await db.Dispositions.AsNoTracking()
            .Where(d => page.Contains(d.Id))
            .Select(d => new
            {
                d.Id, d.LetterId, d.Letter!.AgendaNumber, d.Letter.Subject, d.Letter.Sender, d.FromEmployeeId, d.ToEmployeeId,
                d.Instructions, d.Deadline, d.Status, d.CreatedAtUtc, d.Letter.Urgency,
            })
            .ToListAsync(ct)).ToDictionary(r => r.Id);
        var rows = page.Where(found.ContainsKey).Select(id => found[id]);
        return new(rows.Select(r => new MyDispositionRow(r.Id, r.LetterId, r.AgendaNumber, r.Subject, r.Sender, dir.NameOf(r.FromEmployeeId),
            dir.NameOf(r.ToEmployeeId), r.Instructions, r.Deadline, r.Status, LetterStateRules.IsOverdue(r.Status, r.Deadline, today),
            r.CreatedAtUtc, r.Urgency)).ToList(), total);
    }

    private static async Task<(IncomingLetter Letter, Disposition Disposition)> LoadForActionAsync(PortalDbContext db, LetterDirectory dir, Guid dispositionId, CancellationToken ct)
    {
        var letterId = await db.Dispositions.Where(d => d.Id == dispositionId).Select(d => (Guid?)d.LetterId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Disposisi tidak ditemukan.");
        var (letter, _) = await IncomingLetterService.LoadVisibleAsync(db, dir, letterId, ct, "Disposisi tidak ditemukan.");
        return (letter, letter.Dispositions.Single(d => d.Id == dispositionId));
    }

    private static int OpenForwards(Disposition d, IEnumerable<Disposition> all) =>
        all.Count(c => c.ParentId == d.Id && c.Status.IsOpen());

    private static void Apply(DispositionAction action, Disposition d, LetterDirectory dir, Guid version, string? report = null, int openForwards = 0)
    {
        var facts = new DispositionFacts(d.Status, d.ToEmployeeId == dir.Me, d.FromEmployeeId == dir.Me, !string.IsNullOrWhiteSpace(report), openForwards);
        var error = DispositionRules.Check(action, facts);
        var involved = action == DispositionAction.Cancel ? facts.CallerIsDisposer : facts.CallerIsRecipient;
        if (!involved)
        {
            throw new ForbiddenException(error ?? "Anda tidak berwenang melakukan tindakan ini.");
        }
        if (d.Version != version)
        {
            throw new ConcurrencyException("Disposisi ini baru saja berubah (diteruskan, diselesaikan atau dibatalkan di tempat lain). Muat ulang lalu coba lagi.");
        }
        if (error is not null)
        {
            throw new ValidationException(error);
        }
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException();
        }
    }
}
