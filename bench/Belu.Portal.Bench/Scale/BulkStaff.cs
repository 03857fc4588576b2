using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Bench.Scale;

/// <summary>An OPD of the bulk set: its unit, its head, its bidang with their heads, and its staff.</summary>
internal sealed record BulkOpd(int UnitId, int HeadId, int[] BidangIds, int[] BidangHeadIds, int[] StaffIds, int[] StaffBidang);

/// <summary>
/// The regency of the bulk set: OPDs added beside the demo's until there are <c>opds</c>, each with four bidang, and
/// employees spread over them until there are <c>employees</c> active ones; then their punches and notifications.
/// </summary>
internal static class BulkStaff
{
    public const int BidangPerOpd = 4;

    public static async Task<List<BulkOpd>> AddOpdsAsync(PortalDbContext db, int opds, int employees)
    {
        var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstAsync();
        var rootHead = await db.Employees.Where(e => e.UnitId == root.Id && e.IsActive).OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync();
        var existing = await db.Employees.CountAsync(e => e.IsActive);
        var nextUnit = await db.Units.MaxAsync(u => u.Id) + 1;
        var nextEmployee = await db.Employees.MaxAsync(e => e.Id) + 1;
        var toAdd = Math.Max(0, employees - existing);
        var perOpd = Math.Max(1 + BidangPerOpd + 1, (toAdd + opds - 1) / Math.Max(1, opds));

        var units = new List<Unit>();
        var people = new List<Employee>();
        var result = new List<BulkOpd>();
        var added = 0;
        for (var o = 0; o < opds && added < toAdd; o++)
        {
            var opd = new Unit { Id = nextUnit++, Name = $"Dinas Uji Skala {o + 1:00}", Code = $"SKALA{o + 1:00}", Kind = UnitKind.Opd, ParentId = root.Id, SortOrder = 1000 + o };
            units.Add(opd);
            var head = Person(nextEmployee++, added++, opd.Id, rootHead, "Kepala Dinas", people);
            var bidang = new int[BidangPerOpd];
            var bidangHeads = new int[BidangPerOpd];
            for (var b = 0; b < BidangPerOpd; b++)
            {
                var unit = new Unit { Id = nextUnit++, Name = $"Bidang {b + 1} Dinas Uji Skala {o + 1:00}", Code = $"SKALA{o + 1:00}-B{b + 1}", Kind = UnitKind.Bidang, ParentId = opd.Id, SortOrder = b };
                units.Add(unit);
                bidang[b] = unit.Id;
                bidangHeads[b] = Person(nextEmployee++, added++, unit.Id, head, "Kepala Bidang", people);
            }
            var staffCount = Math.Min(perOpd - 1 - BidangPerOpd, toAdd - added);
            var staff = new int[Math.Max(0, staffCount)];
            var staffBidang = new int[staff.Length];
            for (var s = 0; s < staff.Length; s++)
            {
                staffBidang[s] = s % BidangPerOpd;
                staff[s] = Person(nextEmployee++, added++, bidang[staffBidang[s]], bidangHeads[staffBidang[s]], "Pelaksana", people);
            }
            result.Add(new BulkOpd(opd.Id, head, bidang, bidangHeads, staff, staffBidang));
        }
        await ModelBulkWriter.WriteAsync(db, units);
        await ModelBulkWriter.WriteAsync(db, people);
        await ModelBulkWriter.ResetSequenceAsync<Unit>(db);
        await ModelBulkWriter.ResetSequenceAsync<Employee>(db);
        return result;
    }

    private static int Person(int id, int index, int unitId, int? superiorId, string position, List<Employee> people)
    {
        people.Add(new Employee
        {
            Id = id,
            Nip = $"1980{index / 10000 % 100:00}{index / 100 % 100:00}2005{1 + index % 12:00}1{index % 1000:000}",
            Name = $"Pegawai Skala {index + 1:00000}",
            Position = position,
            UnitId = unitId,
            SuperiorId = superiorId,
        });
        return id;
    }

    /// <summary>
    /// <paramref name="months"/> months of punches before <paramref name="until"/> for the employees the bulk set added
    /// (the demo's own have their history): most on time, some late, some leaving early, a few days missed; working
    /// days only, the demo calendar's holidays skipped.
    /// </summary>
    public static async Task<long> AddPunchesAsync(PortalDbContext db, OfficeClock clock, IReadOnlyList<BulkOpd> opds, DateOnly until, int months)
    {
        var people = opds.SelectMany(o => new[] { o.HeadId }.Concat(o.BidangHeadIds).Concat(o.StaffIds)).Order().ToList();
        var holidays = (await db.Holidays.Select(h => h.Date).ToListAsync()).ToHashSet();
        var from = until.AddMonths(-months);
        return await ModelBulkWriter.WriteAsync(db, Punches(people, holidays, clock, from, until));
    }

    private static IEnumerable<Punch> Punches(List<int> people, HashSet<DateOnly> holidays, OfficeClock clock, DateOnly from, DateOnly until)
    {
        var random = new Random(20261204);
        // Day by day, everyone: the order a real year is written in, so the table's indexes grow as in production.
        for (var day = from; day < until; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(day))
            {
                continue;
            }
            foreach (var person in people)
            {
                if (random.Next(100) < 4)
                {
                    continue;
                }
                var arrive = day.ToDateTime(new TimeOnly(7, 0)).AddMinutes(random.Next(100) < 85 ? random.Next(0, 30) : random.Next(31, 150));
                var leave = day.ToDateTime(new TimeOnly(16, 0)).AddMinutes(random.Next(100) < 90 ? random.Next(0, 60) : -random.Next(10, 120));
                foreach (var local in new[] { arrive, leave })
                {
                    var at = clock.ToUtc(local);
                    yield return new Punch { EmployeeId = person, AtUtc = at, Source = PunchSource.Adms, RecordedUtc = at };
                }
            }
        }
    }

    /// <summary><paramref name="count"/> notifications over the accounts, the last year, most of them read.</summary>
    public static async Task<long> AddNotificationsAsync(PortalDbContext db, DateTime nowUtc, int count)
    {
        var users = await db.Users.AsNoTracking().Select(u => u.Id).ToListAsync();
        var random = new Random(20261205);
        return await ModelBulkWriter.WriteAsync(db, Enumerable.Range(0, count).Select(i =>
        {
            var at = nowUtc.AddMinutes(-random.Next(0, 365 * 24 * 60));
            return new Notification
            {
                UserId = users[i % users.Count],
                EventId = Guid.CreateVersion7(),
                Kind = "disposition",
                Text = $"Disposisi baru: surat uji skala {i + 1}",
                Link = "/surat-masuk",
                AtUtc = at,
                ReadAtUtc = random.Next(10) < 8 ? at.AddMinutes(random.Next(1, 600)) : null,
            };
        }));
    }
}
