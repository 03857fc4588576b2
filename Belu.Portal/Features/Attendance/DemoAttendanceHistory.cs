using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Three months of demo attendance for every unit: punches (mostly on time, some late), approved
/// DL/C/S requests, a few TK, the closed days, and this morning's check-ins. The same every time (a fixed seed); the
/// rows go in with prepared statements (<see cref="BulkInsert"/>) so that the step stays fast.
/// </summary>
internal sealed class DemoAttendanceHistory(AttendanceEngine engine, OfficeClock clock)
{
    private const int RandomSeed = 20261127;

    public async Task SeedAsync(PortalDbContext db, List<StaffMember> staff, Dictionary<string, int> accounts, CancellationToken ct)
    {
        var random = new Random(RandomSeed);
        var today = clock.Today;
        var from = AttendanceDemoSeed.HistoryStart(today);
        var yesterday = today.AddDays(-1);
        var book = await engine.LoadBookAsync(db, from, today, ct);
        var nowUtc = clock.UtcNow;
        accounts.TryGetValue("pegawai", out var pegawai);
        var superiors = await db.Employees.AsNoTracking().Where(e => e.SuperiorId != null).ToDictionaryAsync(e => e.Id, e => e.SuperiorId!.Value, ct);
        var withAccount = accounts.Values.ToHashSet();

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var sqlite = db.Database.IsSqlite();
        using var punch = new BulkInsert(connection, transaction, sqlite, "Punches", ["Id", "EmployeeId", "AtUtc", "Source", "DeviceId", "RecordedUtc"]);
        using var day = new BulkInsert(connection, transaction, sqlite, "AttendanceDays",
            ["Id", "EmployeeId", "Date", "Code", "LateCode", "EarlyCode", "LateMinutes", "EarlyMinutes", "CheckIn", "CheckOut", "DeductionPercent", "IsClosed", "UpdatedUtc"]);
        var device = await db.AttendanceDevices.Where(d => d.SerialNumber == AttendanceDemoSeed.DemoMachineSerial).Select(d => d.Id).FirstAsync(ct);

        // A few people whose record the discipline watch should flag: one at teguran lisan, one a day away from it.
        var truants = staff.Where(s => !accounts.ContainsValue(s.Id)).Select(s => s.Id).OrderBy(_ => random.Next()).Take(2).ToList();

        foreach (var member in staff)
        {
            var profile = member.Id == pegawai ? 0.04 : random.NextDouble() switch { < 0.6 => 0.03, < 0.9 => 0.12, _ => 0.3 };
            var tkLeft = truants.IndexOf(member.Id) switch { 0 => 3, 1 => 2, _ => random.Next(30) == 0 ? 1 : 0 };
            // Others may be away on duty or leave today and in the coming days; the demo accounts keep today free.
            var requests = PlanRequests(random, member, from, accounts.ContainsValue(member.Id) ? yesterday : today.AddDays(7), today, book, accounts);
            var approver = SubmitRequest.ApproverOf(member.Id, superiors, withAccount);
            foreach (var request in requests)
            {
                request.ApproverEmployeeId = approver;
                request.DecidedByEmployeeId = approver;
            }
            db.AttendanceRequests.AddRange(requests);

            for (var date = from; date <= today; date = date.AddDays(1))
            {
                var schedule = book.ScheduleOf(member.UnitId, date);
                var working = schedule is not null && book.HolidayOn(date) is null;
                var request = requests.FirstOrDefault(r => r.From <= date && r.To >= date);
                var punches = new List<DateTime>();
                if (working && request is null)
                {
                    var truant = tkLeft > 0 && date < today && random.Next(12) == 0;
                    if (truant)
                    {
                        tkLeft--;
                    }
                    else
                    {
                        punches.AddRange(DayPunches(random, date, schedule!, profile));
                    }
                }
                else if (working && request!.Kind == RequestKind.DL && random.Next(3) == 0)
                {
                    punches.AddRange(DayPunches(random, date, schedule!, 0.02));
                }

                if (date == today)
                {
                    // This morning: check-ins up to now, except the demo employee, who checks in by hand.
                    if (member.Id != pegawai && punches.Count > 0 && punches[0] <= nowUtc)
                    {
                        punch.Add(Guid.CreateVersion7(), member.Id, punches[0], (int)PunchSource.Adms, device, nowUtc);
                    }
                    continue;
                }
                foreach (var at in punches)
                {
                    punch.Add(Guid.CreateVersion7(), member.Id, at, (int)(random.Next(5) == 0 ? PunchSource.Web : PunchSource.Adms),
                        random.Next(5) == 0 ? null : device, at);
                }
                if (!working)
                {
                    // Days off are not stored, not even inside a request's range: a closed day without a row that is
                    // not a working day reads as Libur.
                    continue;
                }
                var result = DayClassifier.Classify(new DayInput(date, schedule, DayPhase.Closed,
                    punches.Select(p => TimeOnly.FromDateTime(clock.ToLocal(p))).ToList(), book.HolidayOn(date), request?.Kind), book.Rules);
                day.Add(Guid.CreateVersion7(), member.Id, date, result.Code.ToString(),
                    result.Late?.ToString(), result.Early?.ToString(), result.LateMinutes, result.EarlyMinutes,
                    result.CheckIn, result.CheckOut, book.Penalties.ForDay(result), true, nowUtc);
            }
        }
        punch.Flush();
        day.Flush();
        await db.SaveChangesAsync(ct);

        var state = await db.AttendanceStates.FirstOrDefaultAsync(s => s.Key == AttendanceState.LastClosedDay, ct);
        var text = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (state is null)
        {
            db.AttendanceStates.Add(new AttendanceState { Key = AttendanceState.LastClosedDay, Value = text });
        }
        else if (string.CompareOrdinal(state.Value, text) < 0)
        {
            state.Value = text;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Realistic punches of a working day: most arrive before the start, some late; most leave after the end.</summary>
    private IEnumerable<DateTime> DayPunches(Random random, DateOnly date, DaySchedule schedule, double lateChance)
    {
        var start = date.ToDateTime(schedule.Start);
        var end = date.ToDateTime(schedule.End);
        var roll = random.NextDouble();
        var checkIn = roll < lateChance
            ? start.AddSeconds(60 + random.Next(random.Next(8) == 0 ? 100 * 60 : 40 * 60))
            : start.AddSeconds(-random.Next(60, 45 * 60));
        yield return clock.ToUtc(checkIn);
        if (random.Next(60) == 0)
        {
            // Forgot to punch out (PSW4).
            yield break;
        }
        var checkOut = random.Next(25) == 0 ? end.AddSeconds(-random.Next(5 * 60, 50 * 60)) : end.AddSeconds(random.Next(0, 50 * 60));
        yield return clock.ToUtc(checkOut);
    }

    private static List<AttendanceRequest> PlanRequests(Random random, StaffMember member, DateOnly from, DateOnly to, DateOnly today, AttendanceBook book, Dictionary<string, int> accounts)
    {
        var requests = new List<AttendanceRequest>();
        var count = accounts.ContainsValue(member.Id) ? 2 : random.Next(4);
        // A few people are away today, so that a leader's page shows duty and leave as well.
        if (!accounts.ContainsValue(member.Id) && random.Next(8) == 0)
        {
            requests.Add(Approved(member, random.Next(2) == 0 ? RequestKind.DL : RequestKind.C, today.AddDays(-1), today.AddDays(1)));
        }
        for (var i = 0; i < count; i++)
        {
            var kind = (RequestKind)random.Next(3);
            var start = from.AddDays(random.Next(Math.Max(1, to.DayNumber - from.DayNumber - 4)));
            while (!book.IsWorkingDay(member.UnitId, start))
            {
                start = start.AddDays(1);
            }
            var length = kind switch { RequestKind.DL => random.Next(1, 4), RequestKind.C => random.Next(1, 6), _ => random.Next(1, 3) };
            var end = start.AddDays(length - 1);
            if (end > to || requests.Any(r => r.From <= end.AddDays(1) && r.To >= start.AddDays(-1)))
            {
                continue;
            }
            requests.Add(Approved(member, kind, start, end));
        }
        return requests;
    }

    private static AttendanceRequest Approved(StaffMember member, RequestKind kind, DateOnly start, DateOnly end) => new()
    {
        EmployeeId = member.Id,
        Kind = kind,
        From = start,
        To = end,
        Reason = kind switch
        {
            RequestKind.DL => "Mengikuti rapat koordinasi di Kupang sesuai surat tugas.",
            RequestKind.C => "Cuti tahunan untuk urusan keluarga.",
            _ => "Sakit, surat keterangan dokter terlampir.",
        },
        Status = RequestStatus.Disetujui,
        CreatedUtc = start.AddDays(-2).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc),
        DecidedUtc = start.AddDays(-1).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
    };
}
