using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications.Reminders.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Notifications.Reminders;

/// <summary>
/// The morning digest: on a working day of his unit, from <see cref="ReminderOptions.DigestTime"/> on, each person
/// with something waiting gets one bell item (topic Ringkasan, copied to his channels) counting unread letters and
/// dispositions, dispositions due today or overdue, drafts waiting for his paraf or signature and requests waiting
/// for his decision. Nobody with nothing waiting hears anything. A per-day mark makes it once a day.
/// </summary>
public sealed class SendMorningDigest(
    IDbContextFactory<PortalDbContext> dbFactory,
    AttendanceEngine engine,
    OfficeClock clock,
    Announcer announcer,
    IOptions<ReminderOptions> options)
{
    /// <summary>How many digests share one transaction: a regency's morning is a few thousand rows, not one long lock.</summary>
    private const int Batch = 100;

    /// <summary>Sends today's digest to everyone who has not had it; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var nowUtc = clock.UtcNow;
        var nowLocal = clock.ToLocal(nowUtc);
        var today = DateOnly.FromDateTime(nowLocal);
        var time = TimeOnly.FromDateTime(nowLocal);
        if (!o.Enabled || time < o.DigestTime || time >= o.DigestLatestTime)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var book = await engine.LoadBookAsync(db, today, today, ct);
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive && u.EmployeeId != null && u.Employee!.IsActive)
            .Select(u => new { EmployeeId = u.EmployeeId!.Value, u.Employee!.UnitId }).Distinct().ToListAsync(ct);
        var working = people.Where(p => ReminderRules.DigestDue(nowLocal, o.DigestTime, o.DigestLatestTime, d => book.IsWorkingDay(p.UnitId, d)))
            .Select(p => p.EmployeeId).ToHashSet();
        if (working.Count == 0)
        {
            return 0;
        }
        var sent = await db.ReminderMarks.Where(m => m.Day == today && m.Key.StartsWith("ringkasan:")).Select(m => m.Key).ToListAsync(ct);
        working.ExceptWith(sent.Select(k => int.Parse(k["ringkasan:".Length..], System.Globalization.CultureInfo.InvariantCulture)));
        var digests = await CountAsync(db, today, nowUtc, ct);

        var count = 0;
        foreach (var chunk in digests.Where(d => working.Contains(d.Key) && !d.Value.IsEmpty).Select(d => d.Value).Chunk(Batch))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = new List<PortalEvent>();
            foreach (var digest in chunk)
            {
                if (await ReminderMarks.ClaimAsync(db, ReminderMarks.Digest(digest.RecipientEmployeeIds[0]), today, nowUtc, ct))
                {
                    claimed.Add(digest);
                }
            }
            // Stored with its marks: a crash before publishing leaves the digests in the outbox, not lost nor repeated.
            await announcer.SaveAndAnnounceAsync(db, transaction, claimed, ct);
            count += claimed.Count;
        }
        return count;
    }

    /// <summary>Everyone's counts, in a handful of grouped queries rather than a few per person.</summary>
    private static async Task<Dictionary<int, MorningDigest>> CountAsync(PortalDbContext db, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var counts = new Dictionary<int, Counts>();
        Counts Of(int id) => counts.TryGetValue(id, out var c) ? c : counts[id] = new Counts();

        foreach (var row in await db.IncomingLetters.Where(l => l.AddresseeReadAtUtc == null && !l.IsCopy)
            .GroupBy(l => l.AddresseeId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
        {
            Of(row.Key).UnreadLetters += row.N;
        }
        foreach (var row in await db.LetterCopies.Where(c => c.ReadAtUtc == null)
            .GroupBy(c => c.EmployeeId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
        {
            Of(row.Key).UnreadLetters += row.N;
        }
        var open = db.Dispositions.Where(d => d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses);
        foreach (var row in await open.GroupBy(d => d.ToEmployeeId).Select(g => new
        {
            g.Key,
            Unread = g.Count(d => d.Status == DispositionStatus.Baru),
            DueToday = g.Count(d => d.Deadline == today),
            Overdue = g.Count(d => d.Deadline < today),
        }).ToListAsync(ct))
        {
            var c = Of(row.Key);
            (c.UnreadDispositions, c.DueToday, c.Overdue) = (row.Unread, row.DueToday, row.Overdue);
        }
        var turns = NaskahCountsQuery.Turns(db);
        foreach (var row in await turns.GroupBy(s => new { s.EmployeeId, s.Role }).Select(g => new { g.Key.EmployeeId, g.Key.Role, N = g.Count() }).ToListAsync(ct))
        {
            if (row.Role == DraftStepRole.Penandatangan)
            {
                Of(row.EmployeeId).ToSign += row.N;
            }
            else
            {
                Of(row.EmployeeId).ToInitial += row.N;
            }
        }
        foreach (var row in await RequestTurn.Pending(db).GroupBy(t => t.HolderId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
        {
            Of(row.Key).RequestsToDecide += row.N;
        }
        return counts.ToDictionary(c => c.Key, c => new MorningDigest
        {
            AtUtc = nowUtc,
            RecipientEmployeeIds = [c.Key],
            UnreadLetters = c.Value.UnreadLetters,
            UnreadDispositions = c.Value.UnreadDispositions,
            DueToday = c.Value.DueToday,
            Overdue = c.Value.Overdue,
            ToInitial = c.Value.ToInitial,
            ToSign = c.Value.ToSign,
            RequestsToDecide = c.Value.RequestsToDecide,
        });
    }

    private sealed class Counts
    {
        public int UnreadLetters;
        public int UnreadDispositions;
        public int DueToday;
        public int Overdue;
        public int ToInitial;
        public int ToSign;
        public int RequestsToDecide;
    }
}
