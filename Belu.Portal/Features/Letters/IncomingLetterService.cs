using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Letters;

/// <summary>
/// Incoming letters: registration by the agendaris, lists and search within the caller's scope, the letter with its
/// tree and track, the receipt, the attachments and the leader's counters. Every read of a letter or file is audited.
/// </summary>
public sealed class IncomingLetterService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    FileStore fileStore,
    Announcer announcer,
    IOptions<LettersOptions> options)
{
    public const int MaxFiles = 10;

    internal static readonly FileKind[] ScanKinds = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    public async Task<RegistrationOptions> GetRegistrationOptionsAsync(CancellationToken ct = default)
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
    public async Task<Guid> RegisterAsync(IncomingLetterInput input, IReadOnlyList<FileUpload> uploads, CancellationToken ct = default)
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
            stored.Add(await fileStore.SaveAsync(upload.Content, upload.FileName, ScanKinds, ct));
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
                db.LetterFiles.Add(NewFile(file, dir.Me, now, letterId: letter.Id));
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
        else if (uploads.Count > MaxFiles)
        {
            errors["Files"] = $"Paling banyak {MaxFiles} lampiran.";
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

    internal static LetterFile NewFile(StoredFile file, int uploadedBy, DateTime now, Guid? letterId = null, Guid? dispositionId = null, Guid? outgoingId = null) => new()
    {
        LetterId = letterId,
        DispositionId = dispositionId,
        OutgoingLetterId = outgoingId,
        StorageKey = file.StorageKey,
        FileName = file.OriginalName,
        ContentType = file.ContentType,
        Length = file.Length,
        Sha256 = file.Sha256,
        UploadedById = uploadedBy,
        UploadedAtUtc = now,
    };

    /// <summary>
    /// Below this many access keys a viewer's letters are read from the access set (an index range, then a small
    /// sort); above it, the letters are walked in list order and each is probed against the set.
    /// </summary>
    internal const int FewGrants = 2_000;

    /// <summary>
    /// Letters the viewer may see (the query form of <see cref="LetterAccessRules"/>): the letter's stored grants meet
    /// the viewer's keys (<see cref="LetterGrantRules"/>). Two shapes with the same answer: for a viewer with
    /// <paramref name="few"/> letters the access set drives (<c>Id IN (grants)</c>); for a leader who sees most of the
    /// register each letter is probed (<c>EXISTS</c>), so a list ordered by an index stops after its page.
    /// </summary>
    internal static IQueryable<IncomingLetter> Visible(PortalDbContext db, LetterViewer viewer, bool few = false)
    {
        var grants = GrantsOf(db, viewer);
        return few
            ? db.IncomingLetters.Where(l => grants.Select(g => g.LetterId).Contains(l.Id))
            : db.IncomingLetters.Where(l => grants.Any(g => g.LetterId == l.Id));
    }

    private static IQueryable<LetterGrant> GrantsOf(PortalDbContext db, LetterViewer viewer)
    {
        var keys = LetterGrantRules.Of(viewer);
        var me = keys.EmployeeId;
        var own = keys.OwnUnits.ToList();
        var overseen = keys.OverseenUnits.ToList();
        return db.LetterGrants.Where(g => (g.Kind == GrantKind.Person && g.PrincipalId == me)
            || (g.Kind == GrantKind.Unit && own.Contains(g.PrincipalId))
            || (g.Kind == GrantKind.DisposedUnit && overseen.Contains(g.PrincipalId)));
    }

    /// <summary>Does the viewer hold few access keys (<see cref="FewGrants"/>)? One bounded count over the grants index.</summary>
    internal static async Task<bool> SeesFewAsync(PortalDbContext db, LetterViewer viewer, CancellationToken ct) =>
        await GrantsOf(db, viewer).Take(FewGrants).CountAsync(ct) < FewGrants;

    internal static IQueryable<IncomingLetter> InState(IQueryable<IncomingLetter> letters, LetterState state, DateOnly today, bool walk = false) =>
        walk ? InStateWalked(letters, state, today) : state switch
        {
            LetterState.BelumDidisposisi => letters.Where(l => l.Progress == LetterProgress.NotDisposed),
            LetterState.Selesai => letters.Where(l => l.Progress == LetterProgress.Done),
            LetterState.Terlambat => letters.Where(l => l.Progress == LetterProgress.InProgress && l.OpenDeadline != null && l.OpenDeadline < today),
            _ => letters.Where(l => l.Progress == LetterProgress.InProgress && (l.OpenDeadline == null || l.OpenDeadline >= today)),
        };

    /// <summary>
    /// The same states for a walk along the list-order index (a page, newest first). SQLite has no statistics here,
    /// so given a condition on <c>Progress</c> it reads every match through the (Progress, OpenDeadline) index and
    /// sorts them all for one page: 14,000 overdue letters for the first 25. Written as <c>Progress + 0</c> the
    /// condition cannot be looked up (the idiom of SQLite's planner documentation), and the walk reads the list-order
    /// index, which covers Progress and OpenDeadline, and stops once the page is full. Counts keep the plain form.
    /// </summary>
    private static IQueryable<IncomingLetter> InStateWalked(IQueryable<IncomingLetter> letters, LetterState state, DateOnly today) => state switch
    {
        LetterState.BelumDidisposisi => letters.Where(l => (int)l.Progress + 0 == (int)LetterProgress.NotDisposed),
        LetterState.Selesai => letters.Where(l => (int)l.Progress + 0 == (int)LetterProgress.Done),
        LetterState.Terlambat => letters.Where(l => (int)l.Progress + 0 == (int)LetterProgress.InProgress && l.OpenDeadline != null && l.OpenDeadline < today),
        _ => letters.Where(l => (int)l.Progress + 0 == (int)LetterProgress.InProgress && (l.OpenDeadline == null || l.OpenDeadline >= today)),
    };

    /// <summary>Letters that are not overdue, in the plain form or the walk's (<see cref="InStateWalked"/>).</summary>
    private static IQueryable<IncomingLetter> NotOverdue(IQueryable<IncomingLetter> letters, DateOnly today, bool walk) => walk
        ? letters.Where(l => !((int)l.Progress + 0 == (int)LetterProgress.InProgress && l.OpenDeadline != null && l.OpenDeadline < today))
        : letters.Where(l => !(l.Progress == LetterProgress.InProgress && l.OpenDeadline != null && l.OpenDeadline < today));

    /// <summary>
    /// The dashboard's boxes. Conditions on a letter's dispositions or copies are written as <c>Id IN (one list)</c>,
    /// not as a correlated EXISTS: given an EXISTS, SQLite without statistics probes the (person, status) index once per
    /// letter, which at 100,000 letters and a leader's thousands of dispositions never finishes.
    /// </summary>
    internal static IQueryable<IncomingLetter> InBox(PortalDbContext db, IQueryable<IncomingLetter> letters, LetterBox box, int me, DateOnly today,
        bool walk = false)
    {
        IQueryable<IncomingLetter> Having(IQueryable<Guid> ids) => letters.Where(l => ids.Contains(l.Id));
        return box switch
        {
            LetterBox.UntukSaya => letters.Where(l => l.AddresseeId == me),
            LetterBox.BelumDibaca => letters.Where(l => l.AddresseeId == me && l.AddresseeReadAtUtc == null),
            LetterBox.BelumDisposisi => letters.Where(l => l.AddresseeId == me && l.Progress == LetterProgress.NotDisposed),
            LetterBox.DisposisiBelumDibaca => Having(db.Dispositions
                .Where(d => d.FromEmployeeId == me && d.Status == DispositionStatus.Baru).Select(d => d.LetterId)),
            LetterBox.BelumDitindaklanjuti => Having(db.Dispositions
                .Where(d => d.FromEmployeeId == me && (d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses))
                .Select(d => d.LetterId)),
            LetterBox.Terlambat => InState(letters, LetterState.Terlambat, today, walk),
            LetterBox.Tembusan => Having(db.LetterCopies.Where(c => c.EmployeeId == me).Select(c => c.LetterId)),
            LetterBox.TembusanBelumDibaca => Having(db.LetterCopies.Where(c => c.EmployeeId == me && c.ReadAtUtc == null).Select(c => c.LetterId)),
            _ => letters,
        };
    }

    /// <summary>Boxes whose every letter the caller reads by <see cref="LetterAccessRules"/> as addressee, disposer or tembusan holder.</summary>
    internal static bool BoxImpliesAccess(LetterBox box) => box is LetterBox.UntukSaya or LetterBox.BelumDibaca or LetterBox.BelumDisposisi
        or LetterBox.DisposisiBelumDibaca or LetterBox.BelumDitindaklanjuti or LetterBox.Tembusan or LetterBox.TembusanBelumDibaca;

    /// <summary>
    /// The list's filters over the letters the caller may see: one query for the page and the export. Pass
    /// <paramref name="walk"/> for a query that reads letters in list order and stops early (see <see cref="InStateWalked"/>).
    /// </summary>
    internal static IQueryable<IncomingLetter> Filter(PortalDbContext db, LetterDirectory dir, LetterQuery query, DateOnly today, bool few = false,
        bool walk = false, List<long>? hits = null)
    {
        // A box of the caller's own letters (addressed to them, disposed by them, copied to them) holds only letters the
        // caller may read (LetterAccessRules: addressee, disposition party, tembusan holder), so it needs no access probe.
        var source = BoxImpliesAccess(query.Box) ? db.IncomingLetters.AsNoTracking() : Visible(db, dir.Viewer, few).AsNoTracking();
        var letters = InBox(db, source, query.Box, dir.Me, today, walk);

        if (hits is not null)
        {
            // Full-text hits read beforehand, as one array parameter: SQLite looks each up in the SearchKey index.
            letters = letters.Where(l => EF.Parameter(hits).Contains(l.SearchKey));
        }
        else if (LetterWrites.FullTextQuery(query.Text) is string match)
        {
            var found = LetterWrites.SearchIncoming(db, match);
            letters = letters.Where(l => found.Contains(l.SearchKey));
        }
        if (query.State is LetterState state)
        {
            letters = InState(letters, state, today, walk);
        }
        if (query.Security is SecurityClass security)
        {
            letters = letters.Where(l => l.Security == security);
        }
        if (query.Urgency is Urgency urgency)
        {
            letters = letters.Where(l => l.Urgency == urgency);
        }
        if (query.From is DateOnly from)
        {
            letters = letters.Where(l => l.ReceivedDate >= from);
        }
        if (query.To is DateOnly to)
        {
            letters = letters.Where(l => l.ReceivedDate <= to);
        }
        if (!string.IsNullOrWhiteSpace(query.Sender))
        {
            var sender = query.Sender.Trim();
            var start = LikePattern.StartsWith(sender);
            var word = "% " + LikePattern.StartsWith(sender);
            letters = letters.Where(l => EF.Functions.Like(l.Sender, start, LikePattern.EscapeCharacter) || EF.Functions.Like(l.Sender, word, LikePattern.EscapeCharacter));
        }
        if (query.UnitId is int unitId)
        {
            var units = dir.Tree.SubtreeOf(unitId).ToList();
            var disposedInto = db.Dispositions.Where(d => d.Status != DispositionStatus.Dibatalkan && units.Contains(d.ToUnitId)).Select(d => d.LetterId);
            letters = letters.Where(l => units.Contains(l.UnitId) || disposedInto.Contains(l.Id));
        }
        if (query.DeadlineBefore is DateOnly deadline)
        {
            letters = letters.Where(l => l.Progress == LetterProgress.InProgress && l.OpenDeadline != null && l.OpenDeadline <= deadline);
        }
        return letters;
    }

    /// <summary>Full-text hits up to which a search is counted by looking each hit up (SQLite).</summary>
    internal const int FewHits = 5_000;

    public async Task<PagedResult<LetterRow>> SearchAsync(LetterQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        var few = await SeesFewAsync(db, dir.Viewer, ct);
        var letters = Filter(db, dir, query, today, few);
        var skip = Math.Max(0, query.Skip);
        var take = Math.Clamp(query.Take, 1, 200);

        // Counted up to the limit: beyond it the list says "lebih dari" instead of probing every visible letter.
        var limit = Math.Max(1, options.Value.ListCountLimit);
        // On SQLite a search with few hits is counted from its hits, read first and looked up by key: given the FTS5
        // subquery SQLite scans every letter to match them. With many hits (a common word) the scan is the cheaper way,
        // and the page walks keep the subquery: they walk the list order and stop early.
        var counting = letters;
        if (db.Database.IsSqlite() && LetterWrites.FullTextQuery(query.Text) is string match)
        {
            var hits = await LetterWrites.SearchIncoming(db, match).Take(FewHits + 1).ToListAsync(ct);
            if (hits.Count <= FewHits)
            {
                counting = Filter(db, dir, query, today, few, hits: hits);
            }
        }
        var counted = await counting.Take(limit + 1).CountAsync(ct);
        // Overdue letters first, then the rest, each newest first: two walks along the (received date, agenda number)
        // index that stop once the page is full, instead of one sort of every letter the viewer may see. Only keys are
        // read; the page's rows are fetched by id afterwards. On SQLite the walks write the state in the form that keeps
        // it off the state index (InStateWalked); PostgreSQL's planner has statistics and chooses by itself.
        var walk = db.Database.IsSqlite();
        var walked = walk ? Filter(db, dir, query, today, few, walk) : letters;
        var overdue = InState(walked, LetterState.Terlambat, today, walk);
        var others = NotOverdue(walked, today, walk);
        var ids = await NewestFirst(overdue).Skip(skip).Take(take).ToListAsync(ct);
        if (ids.Count < take)
        {
            var overdueTotal = ids.Count > 0 || skip == 0 ? skip + ids.Count : await InState(letters, LetterState.Terlambat, today).CountAsync(ct);
            ids.AddRange(await NewestFirst(others).Skip(Math.Max(0, skip - overdueTotal)).Take(take - ids.Count).ToListAsync(ct));
        }
        var rows = (await db.IncomingLetters.AsNoTracking()
            .Where(l => ids.Contains(l.Id))
            .Select(l => new
            {
                l.Id, l.AgendaNumber, l.SenderNumber, l.LetterDate, l.ReceivedDate, l.Sender, l.Subject, l.Security, l.Urgency,
                l.Progress, l.OpenDeadline, l.AddresseeId, l.UnitId,
            })
            .ToListAsync(ct)).ToDictionary(r => r.Id);
        return new(ids.Select(id => rows[id]).Select(r => new LetterRow(r.Id, r.AgendaNumber, r.SenderNumber, r.LetterDate, r.ReceivedDate, r.Sender, r.Subject,
            r.Security, r.Urgency, LetterStateRules.FromSummary(new(r.Progress, r.OpenDeadline), today), r.OpenDeadline,
            dir.NameOf(r.AddresseeId), dir.UnitName(r.UnitId))).ToList(), Math.Min(counted, limit), counted > limit);
    }

    private static IQueryable<Guid> NewestFirst(IQueryable<IncomingLetter> letters) => letters
        .OrderByDescending(l => l.ReceivedDate).ThenByDescending(l => l.AgendaYear).ThenByDescending(l => l.AgendaSequence)
        .ThenByDescending(l => l.Id)
        .Select(l => l.Id);

    public async Task<LetterDashboard> GetDashboardAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        var visible = Visible(db, dir.Viewer, await SeesFewAsync(db, dir.Viewer, ct)).AsNoTracking();
        var me = dir.Me;
        // One pass over the visible letters with a count per box (each condition as in InBox and InState), instead of
        // nine counts that each probe every visible letter's access set again. The disposition and copy boxes are
        // IN lists, built once per query.
        var disposedUnread = db.Dispositions.Where(d => d.FromEmployeeId == me && d.Status == DispositionStatus.Baru).Select(d => d.LetterId);
        var notFollowedUp = db.Dispositions
            .Where(d => d.FromEmployeeId == me && (d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses))
            .Select(d => d.LetterId);
        var copiesUnread = db.LetterCopies.Where(c => c.EmployeeId == me && c.ReadAtUtc == null).Select(c => c.LetterId);
        var counts = await visible.GroupBy(l => 1).Select(g => new
        {
            Unread = g.Count(l => l.AddresseeId == me && l.AddresseeReadAtUtc == null),
            NotDisposed = g.Count(l => l.AddresseeId == me && l.Progress == LetterProgress.NotDisposed),
            DispositionsUnread = g.Count(l => disposedUnread.Contains(l.Id)),
            NotFollowedUp = g.Count(l => notFollowedUp.Contains(l.Id)),
            Overdue = g.Count(l => l.Progress == LetterProgress.InProgress && l.OpenDeadline != null && l.OpenDeadline < today),
            CopiesUnread = g.Count(l => copiesUnread.Contains(l.Id)),
            InScope = g.Count(),
            InProgress = g.Count(l => l.Progress == LetterProgress.InProgress && (l.OpenDeadline == null || l.OpenDeadline >= today)),
            Done = g.Count(l => l.Progress == LetterProgress.Done),
        }).FirstOrDefaultAsync(ct);
        var mine = await db.Dispositions.CountAsync(d => d.ToEmployeeId == me
            && (d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses), ct);
        return counts is null
            ? new LetterDashboard(0, 0, 0, 0, 0, 0, 0, 0, 0, mine)
            : new LetterDashboard(counts.Unread, counts.NotDisposed, counts.DispositionsUnread, counts.NotFollowedUp, counts.Overdue,
                counts.CopiesUnread, counts.InScope, counts.InProgress, counts.Done, mine);
    }

    /// <summary>
    /// The letter with its tree and track. Opening it counts as reading: the addressee's first look, the caller's new
    /// dispositions (Baru → Dibaca, the disposer is told) and unread copies are marked. Pass <paramref name="markRead"/>
    /// false for print views.
    /// </summary>
    /// <exception cref="NotFoundException">No such letter, or not in the caller's scope (never told apart).</exception>
    public async Task<LetterDetail> GetAsync(Guid id, bool markRead = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var (letter, relation) = await LoadVisibleAsync(db, dir, id, ct);
        if (markRead)
        {
            await MarkReadAsync(db, dir, letter, ct);
        }
        await audit.WriteAsync(markRead ? "letter.read" : "letter.printed", letter.AgendaNumber, $"{dir.UnitName(letter.UnitId)} ({relation})");
        var track = await db.LetterTrack.AsNoTracking().Where(t => t.LetterId == id).OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
            .Select(t => new TrackLine(t.AtUtc, t.Kind, t.ActorName, t.Text)).ToListAsync(ct);
        return ToDetail(letter, relation, dir, track, clock.Today);
    }

    /// <summary>The tanda terima: the registering clerk may print it even for a secret letter, without the subject.</summary>
    public async Task<LetterReceipt> GetReceiptAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var letter = await LoadLetterAsync(db, id, ct) ?? throw new NotFoundException("Surat tidak ditemukan.");
        var relation = LetterAccessRules.RelationOf(dir.Viewer, Facts(letter));
        if (relation == LetterRelation.None && letter.RegisteredById != dir.Me)
        {
            throw new NotFoundException("Surat tidak ditemukan.");
        }
        await audit.WriteAsync("letter.receipt", letter.AgendaNumber, dir.UnitName(letter.UnitId));
        var showSubject = !letter.Security.IsSecret() || relation is LetterRelation.Participant or LetterRelation.Copy;
        var addressee = dir.Ref(letter.AddresseeId);
        return new LetterReceipt(letter.AgendaNumber, dir.UnitName(letter.UnitId), letter.SenderNumber, letter.LetterDate, letter.ReceivedDate,
            letter.Sender, showSubject ? letter.Subject : null, letter.Security, letter.Urgency, addressee.Name, addressee.Position,
            dir.NameOf(letter.RegisteredById), letter.RegisteredAtUtc, ReceivedFileCount(letter));
    }

    /// <summary>
    /// The scans received with the letter: a receipt shows what was handed over at registration, forever, so the
    /// follow-up reports' attachments (stored on the same letter, with their disposition) never count.
    /// </summary>
    internal static int ReceivedFileCount(IncomingLetter letter) =>
        letter.Files.Count(f => f.DispositionId is null && f.UploadedAtUtc <= letter.RegisteredAtUtc);

    /// <summary>Opens a stored file after the scope check of the letter it belongs to; the read is audited.</summary>
    /// <exception cref="NotFoundException">No such file, or its letter is out of the caller's scope.</exception>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenFileAsync(Guid fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var file = await db.LetterFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct)
            ?? throw new NotFoundException("Berkas tidak ditemukan.");
        string subject;
        if (file.OutgoingLetterId is Guid outgoingId)
        {
            var outgoing = await db.OutgoingLetters.AsNoTracking().FirstOrDefaultAsync(o => o.Id == outgoingId, ct)
                ?? throw new NotFoundException("Berkas tidak ditemukan.");
            if (!OutgoingLetterService.CanSee(dir.Viewer, outgoing))
            {
                throw new NotFoundException("Berkas tidak ditemukan.");
            }
            subject = outgoing.Number;
        }
        else
        {
            var letterId = file.LetterId ?? await db.Dispositions.Where(d => d.Id == file.DispositionId).Select(d => (Guid?)d.LetterId).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("Berkas tidak ditemukan.");
            var (letter, _) = await LoadVisibleAsync(db, dir, letterId, ct, "Berkas tidak ditemukan.");
            subject = letter.AgendaNumber;
        }
        var stream = fileStore.OpenRead(file.StorageKey);
        await audit.WriteAsync("attachment.read", subject, $"{file.FileName} ({file.Id})");
        return (stream, file.ContentType, file.FileName);
    }

    internal static async Task<IncomingLetter?> LoadLetterAsync(PortalDbContext db, Guid id, CancellationToken ct) =>
        await db.IncomingLetters
            .Include(l => l.Dispositions)
            .Include(l => l.Copies)
            .Include(l => l.Files)
            .AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id, ct);

    internal static async Task<(IncomingLetter Letter, LetterRelation Relation)> LoadVisibleAsync(
        PortalDbContext db, LetterDirectory dir, Guid id, CancellationToken ct, string message = "Surat tidak ditemukan.")
    {
        var letter = await LoadLetterAsync(db, id, ct) ?? throw new NotFoundException(message);
        var relation = LetterAccessRules.RelationOf(dir.Viewer, Facts(letter));
        return relation == LetterRelation.None ? throw new NotFoundException(message) : (letter, relation);
    }

    internal static LetterAccessFacts Facts(IncomingLetter l) => new(
        l.UnitId, l.Security, l.AddresseeId,
        l.Dispositions.Select(d => new DispositionEdge(d.FromEmployeeId, d.ToEmployeeId, d.ToUnitId, d.Status)).ToList(),
        l.Copies.Select(c => c.EmployeeId).ToList());

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
        var name = dir.MeRow.Name;
        // Every mark is a conditional update; the loaded letter is only a picture of it, kept in step by hand.
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (firstLook && await db.IncomingLetters.Where(l => l.Id == letter.Id && l.AddresseeReadAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.AddresseeReadAtUtc, now), ct) == 1)
        {
            letter.AddresseeReadAtUtc = now;
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Opened, me, name, "Surat dibuka oleh penerima (tujuan surat)."));
        }
        foreach (var d in unread)
        {
            var version = Guid.NewGuid();
            // Conditional update: if the disposer cancelled it a moment ago, it stays cancelled.
            var changed = await db.Dispositions.Where(x => x.Id == d.Id && x.Status == DispositionStatus.Baru)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, DispositionStatus.Dibaca).SetProperty(x => x.ReadAtUtc, now)
                    .SetProperty(x => x.Version, version), ct);
            if (changed != 1)
            {
                continue;
            }
            d.Status = DispositionStatus.Dibaca;
            d.ReadAtUtc = now;
            d.Version = version;
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.Read, me, name, $"Disposisi dari {dir.NameOf(d.FromEmployeeId)} dibaca.", d.Id));
            audit.Add(db, "disposition.read", letter.AgendaNumber, $"dari {dir.NameOf(d.FromEmployeeId)}");
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
            db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, TrackKind.CopyRead, me, name, "Tembusan dibaca."));
        }
        await announcer.SaveAndAnnounceAsync(db, transaction, events, ct);
    }

    internal static LetterDetail ToDetail(IncomingLetter l, LetterRelation relation, LetterDirectory dir, IReadOnlyList<TrackLine> track, DateOnly today)
    {
        var me = dir.Me;
        var hasSubordinates = dir.SubordinatesOf(me).Count > 0;
        var files = l.Files.Where(f => f.DispositionId is null).OrderBy(f => f.UploadedAtUtc)
            .Select(f => new FileRef(f.Id, f.FileName, f.ContentType, f.Length)).ToList();
        var reportFiles = l.Files.Where(f => f.DispositionId is not null).ToDictionary(f => f.DispositionId!.Value, f => new FileRef(f.Id, f.FileName, f.ContentType, f.Length));
        var dispositions = l.Dispositions.OrderBy(d => d.CreatedAtUtc).ThenBy(d => d.Id).Select(d =>
        {
            var mine = d.ToEmployeeId == me;
            var open = d.Status.IsOpen();
            var openForwards = l.Dispositions.Count(c => c.ParentId == d.Id && c.Status.IsOpen());
            return new DispositionView(d.Id, d.ParentId, dir.Ref(d.FromEmployeeId), dir.Ref(d.ToEmployeeId), dir.UnitName(d.ToUnitId), d.ToWholeUnit,
                d.Instructions, d.Note, d.Deadline, d.Status, d.CreatedAtUtc, d.ReadAtUtc, d.FinishedAtUtc, d.Report,
                reportFiles.GetValueOrDefault(d.Id), LetterStateRules.IsOverdue(d.Status, d.Deadline, today),
                mine, d.FromEmployeeId == me && d.Status == DispositionStatus.Baru,
                mine && open && hasSubordinates, mine && d.Status is DispositionStatus.Baru or DispositionStatus.Dibaca,
                mine && open && openForwards == 0, d.Version);
        }).ToList();
        var copies = l.Copies.Select(c => new CopyRef(dir.NameOf(c.EmployeeId), dir.Ref(c.EmployeeId).Position,
            c.UnitId is int u ? dir.UnitName(u) : null, c.ReadAtUtc)).ToList();
        var summary = LetterStateRules.Summarize(l.Dispositions.Select(d => new DispositionSnapshot(d.Status, d.Deadline)));
        var state = LetterStateRules.FromSummary(summary, today);
        return new LetterDetail(l.Id, l.AgendaNumber, l.UnitId, dir.UnitName(l.UnitId), dir.Tree.Contains(l.UnitId) ? dir.Tree[l.UnitId].Code : "",
            l.SenderNumber, l.LetterDate, l.ReceivedDate, l.Sender, l.Subject, l.Summary, l.Security, l.Urgency, l.ClassificationCode,
            dir.Ref(l.AddresseeId), dir.Ref(l.RegisteredById), l.RegisteredAtUtc, state, relation, files, copies, dispositions, track,
            DispositionRules.CheckDisposeLetter(summary.Progress, l.AddresseeId == me) is null, l.Version);
    }
}
