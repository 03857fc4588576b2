using System.Data.Common;
using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Demo attendance: the 2026 holiday calendar (SKB 3 Menteri), a Ramadan schedule, the penalty table, one
/// fingerprint machine, and three months of punches and closed days for Diskominfo and a few other OPD (mostly on
/// time, some late, some DL/C/S, a few TK), plus this morning's check-ins. Deterministic and idempotent; the history
/// goes in with prepared statements in one transaction so that the step stays fast.
/// </summary>
public sealed class AttendanceDemoSeed(IDbContextFactory<PortalDbContext> dbFactory, AttendanceEngine engine, OfficeClock clock, ILogger<AttendanceDemoSeed> logger) : IDemoSeedStep
{
    private const string Marker = "demo.seeded";
    private const int RandomSeed = 20261127;

    public static readonly string[] HistoryOpds = ["DISKOMINFO", "BKPSDM", "BPKAD"];

    public const string DemoMachineSerial = "BELU0001DSK";

    /// <summary>The demo machine may send from this computer (IPv4 and IPv6 loopback) only.</summary>
    public const string DemoMachineNetwork = "127.0.0.1/32, ::1/128";

    public int Order => 20;

    public static readonly IReadOnlyList<(DateOnly Date, string Name, HolidayKind Kind)> Holidays2026 =
    [
        (new(2026, 1, 1), "Tahun Baru 2026 Masehi", HolidayKind.LiburNasional),
        (new(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW", HolidayKind.LiburNasional),
        (new(2026, 2, 16), "Cuti bersama Tahun Baru Imlek", HolidayKind.CutiBersama),
        (new(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili", HolidayKind.LiburNasional),
        (new(2026, 3, 18), "Cuti bersama Hari Suci Nyepi", HolidayKind.CutiBersama),
        (new(2026, 3, 19), "Hari Suci Nyepi Tahun Baru Saka 1948", HolidayKind.LiburNasional),
        (new(2026, 3, 20), "Cuti bersama Idul Fitri 1447 H", HolidayKind.CutiBersama),
        (new(2026, 3, 21), "Idul Fitri 1447 H", HolidayKind.LiburNasional),
        (new(2026, 3, 22), "Idul Fitri 1447 H", HolidayKind.LiburNasional),
        (new(2026, 3, 23), "Cuti bersama Idul Fitri 1447 H", HolidayKind.CutiBersama),
        (new(2026, 3, 24), "Cuti bersama Idul Fitri 1447 H", HolidayKind.CutiBersama),
        (new(2026, 4, 3), "Wafat Yesus Kristus", HolidayKind.LiburNasional),
        (new(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)", HolidayKind.LiburNasional),
        (new(2026, 5, 1), "Hari Buruh Internasional", HolidayKind.LiburNasional),
        (new(2026, 5, 14), "Kenaikan Yesus Kristus", HolidayKind.LiburNasional),
        (new(2026, 5, 15), "Cuti bersama Kenaikan Yesus Kristus", HolidayKind.CutiBersama),
        (new(2026, 5, 27), "Idul Adha 1447 H", HolidayKind.LiburNasional),
        (new(2026, 5, 28), "Cuti bersama Idul Adha 1447 H", HolidayKind.CutiBersama),
        (new(2026, 5, 31), "Hari Raya Waisak 2570 BE", HolidayKind.LiburNasional),
        (new(2026, 6, 1), "Hari Lahir Pancasila", HolidayKind.LiburNasional),
        (new(2026, 6, 16), "Tahun Baru Islam 1448 H", HolidayKind.LiburNasional),
        (new(2026, 8, 17), "Hari Proklamasi Kemerdekaan RI", HolidayKind.LiburNasional),
        (new(2026, 8, 25), "Maulid Nabi Muhammad SAW", HolidayKind.LiburNasional),
        (new(2026, 12, 24), "Cuti bersama Kelahiran Yesus Kristus", HolidayKind.CutiBersama),
        (new(2026, 12, 25), "Kelahiran Yesus Kristus (Natal)", HolidayKind.LiburNasional),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.AttendanceStates.AnyAsync(s => s.Key == Marker, cancellationToken))
        {
            return;
        }
        var tree = await Organization.OrganizationTreeCache.ReadAsync(db, cancellationToken);
        var diskominfo = tree.All.FirstOrDefault(u => u.Code == "DISKOMINFO");
        if (diskominfo is null)
        {
            // Not the demo organisation: leave attendance empty.
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var knownDates = await db.Holidays.Select(h => h.Date).ToListAsync(cancellationToken);
        db.Holidays.AddRange(Holidays2026.Where(h => !knownDates.Contains(h.Date)).Select(h => new Holiday { Date = h.Date, Name = h.Name, Kind = h.Kind }));
        if (!await db.WorkSchedules.AnyAsync(cancellationToken))
        {
            var ramadan = engine.Options.RamadanWeek();
            db.WorkSchedules.Add(Schedule("Ramadan 1447 H", new(2026, 2, 19), new(2026, 3, 19), ramadan));
            db.WorkSchedules.Add(Schedule("Ramadan 1448 H", new(2027, 2, 8), new(2027, 3, 9), ramadan));
        }
        if (!await db.PenaltyRates.AnyAsync(cancellationToken))
        {
            db.PenaltyRates.AddRange(engine.Options.DefaultPenalties().Select(r => new PenaltyRate { Code = r.Key, Percent = r.Value }));
        }
        if (!await db.AttendanceDevices.AnyAsync(d => d.SerialNumber == DemoMachineSerial, cancellationToken))
        {
            db.AttendanceDevices.Add(new AttendanceDevice
            {
                Name = "Mesin sidik jari lobi Diskominfo", Kind = DeviceKind.Adms, SerialNumber = DemoMachineSerial,
                UnitId = diskominfo.Id, CreatedUtc = clock.UtcNow, LastSeenUtc = clock.UtcNow,
                // Approved for this computer only, so the README's curl walk-through works and nothing else does.
                Approval = MachineApproval.Disetujui, AllowedNetwork = DemoMachineNetwork, LastAddress = "127.0.0.1", ApprovedUtc = clock.UtcNow,
                ApprovedBy = "demo",
            });
        }
        db.AttendanceStates.Add(new AttendanceState { Key = Marker, Value = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(cancellationToken);

        var units = HistoryOpds.Select(code => tree.All.FirstOrDefault(u => u.Code == code)).Where(u => u is not null)
            .SelectMany(u => tree.SubtreeOf(u!.Id)).ToHashSet();
        var staff = await AttendanceEngine.Staff(db).Where(s => units.Contains(s.UnitId)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var accounts = await db.Users.Where(u => u.EmployeeId != null).ToDictionaryAsync(u => u.UserName!, u => u.EmployeeId!.Value, cancellationToken);
        await SeedHistoryAsync(db, staff, accounts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo attendance seeded for {Employees} employees in {Elapsed} ms", staff.Count,
            (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The first day of the demo history: the first of the month three months before today's.</summary>
    public static DateOnly HistoryStart(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-3);

    private WorkSchedule Schedule(string name, DateOnly from, DateOnly to, WeekSchedule week) => new()
    {
        Name = name,
        From = from,
        To = to,
        CheckInFrom = week.CheckInFrom,
        CheckInUntil = week.CheckInUntil,
        CheckOutUntil = week.CheckOutUntil,
        Days = week.Days.Select(d => new WorkScheduleDay { DayOfWeek = d.Key, Start = d.Value.Start, End = d.Value.End }).ToList(),
    };

    private async Task SeedHistoryAsync(PortalDbContext db, List<StaffMember> staff, Dictionary<string, int> accounts, CancellationToken ct)
    {
        var random = new Random(RandomSeed);
        var today = clock.Today;
        var from = HistoryStart(today);
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
        var device = await db.AttendanceDevices.Where(d => d.SerialNumber == DemoMachineSerial).Select(d => d.Id).FirstAsync(ct);

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

    /// <summary>
    /// One prepared INSERT re-bound for every row on SQLite (in-process, so a row costs microseconds); batches of rows
    /// in one round trip on PostgreSQL. The demo history goes in within a second or two either way.
    /// </summary>
    private sealed class BulkInsert : IDisposable
    {
        private const int BatchSize = 500;
        private readonly DbConnection _connection;
        private readonly DbTransaction _transaction;
        private readonly DbCommand _command;
        private readonly bool _sqlite;
        private readonly string _batchSql;
        private DbBatch? _batch;

        public BulkInsert(DbConnection connection, DbTransaction transaction, bool sqlite, string table, string[] columns)
        {
            _connection = connection;
            _transaction = transaction;
            _sqlite = sqlite;
            // Quoted names: PostgreSQL would fold them to lower case; SQLite accepts them as they are.
            var insert = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
            _batchSql = insert + $"({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))})";
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = insert + $"({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
            if (sqlite)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    var p = _command.CreateParameter();
                    p.ParameterName = "@p" + i;
                    _command.Parameters.Add(p);
                }
                _command.Prepare();
            }
        }

        public void Add(params object?[] values)
        {
            if (_sqlite)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    _command.Parameters[i].Value = SqliteValue(values[i]);
                }
                _command.ExecuteNonQuery();
                return;
            }
            if (_batch is null)
            {
                _batch = _connection.CreateBatch();
                _batch.Transaction = _transaction;
            }
            var row = _batch.CreateBatchCommand();
            row.CommandText = _batchSql;
            foreach (var value in values)
            {
                var p = row.CreateParameter();
                p.Value = PostgresValue(value);
                row.Parameters.Add(p);
            }
            _batch.BatchCommands.Add(row);
            if (_batch.BatchCommands.Count >= BatchSize)
            {
                Flush();
            }
        }

        /// <summary>Sends the rows still waiting in the current batch.</summary>
        public void Flush()
        {
            if (_batch is { BatchCommands.Count: > 0 })
            {
                _batch.ExecuteNonQuery();
            }
            _batch?.Dispose();
            _batch = null;
        }

        public void Dispose()
        {
            _batch?.Dispose();
            _command.Dispose();
        }

        // The text forms EF Core's SQLite provider uses, so the rows read back like any other.
        private static object SqliteValue(object? value) => value switch
        {
            null => DBNull.Value,
            Guid g => g.ToString().ToUpperInvariant(),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            bool b => b ? 1 : 0,
            _ => value,
        };

        // Npgsql maps the CLR types itself; timestamptz only takes instants marked UTC.
        private static object PostgresValue(object? value) => value switch
        {
            null => DBNull.Value,
            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
            _ => value,
        };
    }
}
