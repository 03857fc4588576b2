using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>
/// A leader disposes a letter addressed to him (no parent), or a recipient forwards a disposition of his down the tree
/// (with one), to one or more people or units. The dispositions, track lines, audit and grants are saved with their
/// <see cref="LetterDisposed"/> events; each recipient hears of it after the commit.
/// </summary>
public sealed class DisposeLetter(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    OfficeClock clock,
    Announcer announcer)
{
    /// <summary>Disposes the letter (no parent) or forwards a disposition (with one) to one or more recipients.</summary>
    public async Task<IReadOnlyList<Guid>> HandleAsync(Guid letterId, DispositionInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        // Who may dispose is settled before what: a stranger hears "not yours", not a list of form errors.
        var (preview, _) = await LetterScope.LoadVisibleAsync(db, dir, letterId, ct);
        if (preview.IsCopy)
        {
            throw new ForbiddenException("Surat ini tembusan: hanya untuk diketahui dan tidak dapat didisposisikan.");
        }
        if (input.ParentId is null ? preview.AddresseeId != dir.Me : preview.Dispositions.All(d => d.Id != input.ParentId || d.ToEmployeeId != dir.Me))
        {
            DispositionChecks.CheckMayDispose(preview, input.ParentId, dir);
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
        var actorNip = dir.Acting is null ? null : await db.Employees.Where(e => e.Id == dir.ActorId).Select(e => e.Nip).FirstOrDefaultAsync(ct);
        var created = new List<Disposition>();
        List<LetterDisposed> events;
        IncomingLetter letter;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            (letter, _) = await LetterScope.LoadVisibleAsync(db, dir, letterId, ct);
            // The version is compared before the rules: whoever lost the race hears that something changed, not a rule.
            var mine = input.ParentId is Guid p ? letter.Dispositions.FirstOrDefault(d => d.Id == p && d.ToEmployeeId == dir.Me)?.Version
                : letter.AddresseeId == dir.Me ? letter.Version : null;
            var version = mine is Guid current && current != input.Version ? current : DispositionChecks.CheckMayDispose(letter, input.ParentId, dir);
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
                    ActedByEmployeeId = dir.Acting is null ? null : dir.ActorId,
                    ActedByName = dir.Acting is null ? null : dir.NameOf(dir.ActorId),
                    ActedByNip = actorNip,
                    ActedAs = dir.Acting?.Capacity,
                };
                letter.Dispositions.Add(d);
                created.Add(d);
                var to = target.WholeUnit ? $"{dir.UnitName(target.UnitId)} (diterima {dir.NameOf(target.EmployeeId)})" : dir.NameOf(target.EmployeeId);
                var text = $"{(input.ParentId is null ? "Didisposisikan" : "Diteruskan")} kepada {to}: {string.Join(", ", d.Instructions)}."
                    + (d.Deadline is DateOnly dl ? $" Batas waktu {dl:dd MMM yyyy}." : "")
                    + (d.Note is null ? "" : $" Catatan: {d.Note}");
                db.LetterTrack.Add(LetterWrites.Track(letter.Id, now, input.ParentId is null ? TrackKind.Disposed : TrackKind.Forwarded, dir.ActorId, dir.ActorLabel, text, d.Id));
                audit.Add(db, input.ParentId is null ? "disposition.created" : "disposition.forwarded", letter.AgendaNumber,
                    $"kepada {to}; {string.Join(", ", d.Instructions)}{dir.ActingSuffix}");
            }
            if (input.ParentId is Guid parentId)
            {
                // Forwarding is working on it: the parent moves to Diproses, as the rules say.
                DispositionChecks.Move(letter.Dispositions.Single(d => d.Id == parentId), DispositionAction.Forward, now);
            }
            else
            {
                letter.Version = Guid.NewGuid();
            }
            await LetterGrants.RefreshAsync(db, letter, ct);
            events = created.Select(d => new LetterDisposed
            {
                AtUtc = now, LetterId = letter.Id, AgendaNumber = letter.AgendaNumber, DispositionId = d.Id, FromName = dir.Acting is null ? dir.MeRow.Name : dir.NameOf(dir.ActorId),
                FromPosition = dir.Acting?.Capacity ?? dir.MeRow.Position, ToLabel = d.ToWholeUnit && d.ToUnitId is int unit ? dir.UnitName(unit) : dir.Ref(d.ToEmployeeId).Position,
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
}
