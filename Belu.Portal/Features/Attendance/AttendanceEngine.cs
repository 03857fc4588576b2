using System.Globalization;
using System.Linq.Expressions;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// The one place where days are classified from stored facts (punches, approved requests, schedules, holidays,
/// corrections). Reading serves calendars, recaps and today's page; storing serves the daily close, approvals,
/// corrections and punches that reach a closed day late.
/// </summary>
public sealed partial class AttendanceEngine(IOptions<AttendanceOptions> options, OfficeClock clock, OrganizationTreeCache trees)
{
    /// <summary>How long loaded reference data may serve without a change seen in this process (other instances' edits).</summary>
    public static readonly TimeSpan ReferenceLifetime = TimeSpan.FromSeconds(5);

    /// <summary>Schedules, holidays, penalty table and the last closed day, as loaded at one moment.</summary>
    private sealed record Reference(ScheduleBook Schedules, IReadOnlyList<Holiday> Holidays, PenaltyTable Penalties,
        DateOnly? LastClosedDay, long Version, long LoadedAtMs);

    private Reference? _reference;

    public AttendanceOptions Options => options.Value;

    /// <summary>
    /// The reference data to classify days with. Every punch and every "today" read needs it, and it changes a few times
    /// a year, so it is kept (the unit tree by <see cref="OrganizationTreeCache"/>, the rest here): a save touching it in this process (<see cref="ReferenceChanges.Attendance"/>) makes the next
    /// read load it again, and it is reloaded at least every <see cref="ReferenceLifetime"/> for edits made by other
    /// instances. Inside a transaction it is always read from that transaction and not kept.
    /// </summary>
    public async Task<AttendanceBook> LoadBookAsync(PortalDbContext db, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var reference = await ReferenceAsync(db, ct);
        var tree = await trees.GetAsync(db, ct);
        var holidays = reference.Holidays.Where(h => h.Date >= from && h.Date <= to).ToDictionary(h => h.Date);
        return new AttendanceBook(tree, reference.Schedules, holidays, reference.Penalties, Options.Classification(), reference.LastClosedDay);
    }

    private async Task<Reference> ReferenceAsync(PortalDbContext db, CancellationToken ct)
    {
        var version = ReferenceChanges.Attendance.Version;
        var inTransaction = db.Database.CurrentTransaction is not null;
        if (!inTransaction && _reference is { } kept && kept.Version == version
            && Environment.TickCount64 - kept.LoadedAtMs < ReferenceLifetime.TotalMilliseconds)
        {
            return kept;
        }
        var schedules = await db.WorkSchedules.AsNoTracking().Include(s => s.Days).ToListAsync(ct);
        var holidays = await db.Holidays.AsNoTracking().ToListAsync(ct);
        var rates = await db.PenaltyRates.AsNoTracking().ToListAsync(ct);
        var table = rates.Count > 0
            ? new PenaltyTable(rates.ToDictionary(r => r.Code, r => r.Percent), Options.MonthlyDeductionCapPercent)
            : new PenaltyTable(Options.DefaultPenalties(), Options.MonthlyDeductionCapPercent);
        var loaded = new Reference(new ScheduleBook(schedules.Select(s => s.ToEntry()).ToList(), Options.DefaultWeek()),
            holidays, table, await LastClosedDayAsync(db, ct), version, Environment.TickCount64);
        if (!inTransaction)
        {
            _reference = loaded;
        }
        return loaded;
    }

    public static async Task<DateOnly?> LastClosedDayAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var value = await db.AttendanceStates.AsNoTracking().Where(s => s.Key == AttendanceState.LastClosedDay).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>Active staff, not elected officials: the employees whose attendance counts.</summary>
    private static readonly Expression<Func<Employee, bool>> CountsForAttendance =
        e => e.IsActive && e.EmploymentType != EmploymentType.PejabatNegara;

    private static readonly Expression<Func<Employee, StaffMember>> AsStaff =
        e => new StaffMember { Id = e.Id, Name = e.Name, Nip = e.Nip, Position = e.Position, UnitId = e.UnitId, SuperiorId = e.SuperiorId };

    /// <summary>Employees whose attendance counts: active staff, not elected officials.</summary>
    public static IQueryable<StaffMember> Staff(PortalDbContext db) =>
        db.Employees.AsNoTracking().Where(CountsForAttendance).Select(AsStaff);

    // The reads of one web check-in (and of the page /absensi) as compiled queries: at a morning rush EF's building,
    // hashing and looking up of each LINQ query was a sixth of the portal's CPU.
    private static readonly PerModel<Func<PortalDbContext, int, CancellationToken, Task<StaffMember?>>> StaffById = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, int id, CancellationToken ct) => db.Employees.AsNoTracking()
            .Where(CountsForAttendance).Where(e => e.Id == id).Select(AsStaff).FirstOrDefault()));

    private static readonly PerModel<Func<PortalDbContext, List<int>, IAsyncEnumerable<StaffMember>>> StaffByIds = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, List<int> ids) => db.Employees.AsNoTracking().Where(CountsForAttendance).Where(e => ids.Contains(e.Id)).Select(AsStaff)));

    private static readonly PerModel<Func<PortalDbContext, List<int>, DateTime, DateTime, IAsyncEnumerable<PunchFact>>> PunchFacts = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, List<int> ids, DateTime startUtc, DateTime endUtc) => db.Punches.AsNoTracking()
            .Where(p => ids.Contains(p.EmployeeId) && p.AtUtc >= startUtc && p.AtUtc < endUtc && !p.Withheld)
            .Select(p => new PunchFact(p.EmployeeId, p.AtUtc))));

    private static readonly PerModel<Func<PortalDbContext, List<int>, DateOnly, DateOnly, IAsyncEnumerable<RequestFact>>> RequestFacts = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, List<int> ids, DateOnly from, DateOnly to) => db.AttendanceRequests.AsNoTracking()
            .Where(r => ids.Contains(r.EmployeeId) && r.Status == RequestStatus.Disetujui && r.From <= to && r.To >= from)
            .Select(r => new RequestFact(r.EmployeeId, r.From, r.To, r.Kind))));

    private static readonly PerModel<Func<PortalDbContext, List<int>, DateOnly, DateOnly, IAsyncEnumerable<StoredDayRow>>> StoredDays = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, List<int> ids, DateOnly from, DateOnly to) => db.AttendanceDays.AsNoTracking()
            .Where(d => ids.Contains(d.EmployeeId) && d.Date >= from && d.Date <= to)
            .Select(d => new StoredDayRow(d.EmployeeId, d.Date, new StoredDay(d.Code, d.LateCode, d.EarlyCode, d.LateMinutes, d.EarlyMinutes,
                d.CheckIn, d.CheckOut, d.IsClosed, d.CorrectedCode)))));

    private sealed record PunchFact(int EmployeeId, DateTime AtUtc);

    private sealed record RequestFact(int EmployeeId, DateOnly From, DateOnly To, RequestKind Kind);

    private sealed record StoredDayRow(int EmployeeId, DateOnly Date, StoredDay Day);

    /// <summary>One active staff member by id (null: not staff, or no longer active).</summary>
    public static Task<StaffMember?> StaffMemberAsync(PortalDbContext db, int id, CancellationToken ct = default) => StaffById.For(db)(db, id, ct);

    /// <summary>Those of <paramref name="ids"/> on approved duty, leave or sick leave on <paramref name="day"/>.</summary>
    public static async Task<HashSet<int>> OnApprovedRequestAsync(PortalDbContext db, List<int> ids, DateOnly day, CancellationToken ct = default) =>
        (await RequestFacts.For(db)(db, ids, day, day).ToListAsync(ct)).Select(r => r.EmployeeId).ToHashSet();

    /// <summary>The active staff members among <paramref name="ids"/>.</summary>
    public static Task<List<StaffMember>> StaffMembersAsync(PortalDbContext db, List<int> ids, CancellationToken ct = default) =>
        StaffByIds.For(db)(db, ids).ToListAsync(ct).AsTask();

    /// <summary>
    /// The days of <paramref name="staff"/> in [from, to]: stored rows for closed or corrected days, a live
    /// classification for days the close has not reached yet, and nothing for closed days without a row
    /// (before the employee or the system was there).
    /// </summary>
    public async Task<DayGrid> ReadAsync(PortalDbContext db, IReadOnlyList<StaffMember> staff, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var book = await LoadBookAsync(db, from, to, ct);
        // Days up to the last close are answered from their stored rows alone: their punches and requests are only read
        // for the days after it (a closed month of a whole regency is 200,000 punches nobody needs).
        var openFrom = book.LastClosedDay is DateOnly lastClosed && lastClosed >= from ? lastClosed.AddDays(1) : from;
        var facts = await LoadFactsAsync(db, staff, from, to, ct, punchesFrom: openFrom);
        var today = clock.Today;
        var now = TimeOnly.FromDateTime(clock.LocalNow);
        var results = new Dictionary<(int, DateOnly), DayResult>();
        foreach (var member in staff)
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                if (facts.Rows.TryGetValue((member.Id, date), out var row) && (row.IsClosed || row.CorrectedCode is not null))
                {
                    results[(member.Id, date)] = row.ToResult();
                    continue;
                }
                if (book.LastClosedDay is DateOnly closed && date <= closed)
                {
                    // Closed days off are not always stored; closed working days without a row predate the record.
                    if (!book.IsWorkingDay(member.UnitId, date))
                    {
                        results[(member.Id, date)] = new DayResult(AttendanceCode.Libur);
                    }
                    continue;
                }
                var phase = date < today ? DayPhase.Closed : date == today ? DayPhase.Open : DayPhase.Future;
                results[(member.Id, date)] = DayClassifier.Classify(facts.Input(book, member, date, phase, now), book.Rules);
            }
        }
        return new DayGrid(results, book, facts.Punches, openFrom);
    }

    /// <summary>
    /// Classifies and stores the days of <paramref name="staff"/> in [from, to] as closed days. Re-running it with the
    /// same facts changes nothing. Returns how many rows were added or changed.
    /// </summary>
    public async Task<int> StoreClosedAsync(PortalDbContext db, AttendanceBook book, IReadOnlyList<StaffMember> staff, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var facts = await LoadFactsAsync(db, staff, from, to, ct, tracked: true);
        var changed = 0;
        var nowUtc = clock.UtcNow;
        foreach (var member in staff)
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                facts.Entities!.TryGetValue((member.Id, date), out var row);
                var input = facts.Input(book, member, date, DayPhase.Closed, null) with { Correction = row?.CorrectedCode };
                var result = DayClassifier.Classify(input, book.Rules);
                var deduction = book.Penalties.ForDay(result);
                if (row is null)
                {
                    row = new AttendanceDay { EmployeeId = member.Id, Date = date, IsClosed = true, UpdatedUtc = nowUtc };
                    row.Apply(result, deduction);
                    db.AttendanceDays.Add(row);
                    changed++;
                }
                else if (row.Apply(result, deduction) | !row.IsClosed)
                {
                    row.IsClosed = true;
                    row.UpdatedUtc = nowUtc;
                    changed++;
                }
            }
        }
        return changed;
    }

    private async Task<Facts> LoadFactsAsync(
        PortalDbContext db, IReadOnlyList<StaffMember> staff, DateOnly from, DateOnly to, CancellationToken ct, bool tracked = false, DateOnly? punchesFrom = null)
    {
        var ids = staff.Select(s => s.Id).ToList();
        var factsFrom = punchesFrom is DateOnly f && f > from ? f : from;
        var (startUtc, _) = clock.DayBoundsUtc(factsFrom);
        var (_, endUtc) = clock.DayBoundsUtc(to);
        var punches = factsFrom > to ? [] : await PunchesOfAsync(db, ids, startUtc, endUtc, ct);
        var requests = factsFrom > to ? [] : await RequestsOfAsync(db, ids, factsFrom, to, ct);
        Dictionary<(int, DateOnly), AttendanceDay>? entities = null;
        Dictionary<(int, DateOnly), StoredDay> rows;
        if (tracked)
        {
            entities = (await db.AttendanceDays.Where(d => EF.Parameter(ids).Contains(d.EmployeeId) && d.Date >= from && d.Date <= to).ToListAsync(ct))
                .ToDictionary(r => (r.EmployeeId, r.Date));
            rows = entities.ToDictionary(e => e.Key, e => StoredDay.Of(e.Value));
        }
        else
        {
            // Only what the classification reads, as plain values: a month of a regency is 155,000 rows, and as
            // entities each also got a new id and parsed an update time nobody reads here.
            rows = (await StoredDaysOfAsync(db, ids, from, to, ct)).ToDictionary(r => (r.EmployeeId, r.Date), r => r.Day);
        }

        var punchesByDay = punches
            .GroupBy(p => (p.EmployeeId, PunchRules.LocalDate(p.AtUtc, clock.TimeZone)))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TimeOnly>)g.Select(p => TimeOnly.FromDateTime(clock.ToLocal(p.AtUtc))).ToList());
        var requestByDay = new Dictionary<(int, DateOnly), RequestKind>();
        foreach (var r in requests)
        {
            for (var d = r.From < factsFrom ? factsFrom : r.From; d <= r.To && d <= to; d = d.AddDays(1))
            {
                requestByDay[(r.EmployeeId, d)] = r.Kind;
            }
        }
        return new Facts(punchesByDay, requestByDay, rows, entities);
    }

    /// <summary>A stored day as the classification reads it.</summary>
    private sealed record StoredDay(
        AttendanceCode Code, AttendanceCode? LateCode, AttendanceCode? EarlyCode, int LateMinutes, int EarlyMinutes,
        TimeOnly? CheckIn, TimeOnly? CheckOut, bool IsClosed, AttendanceCode? CorrectedCode)
    {
        public static StoredDay Of(AttendanceDay d) =>
            new(d.Code, d.LateCode, d.EarlyCode, d.LateMinutes, d.EarlyMinutes, d.CheckIn, d.CheckOut, d.IsClosed, d.CorrectedCode);

        public DayResult ToResult() => new(Code, LateCode, EarlyCode, LateMinutes, EarlyMinutes, CheckIn, CheckOut);
    }

    private sealed record Facts(
        Dictionary<(int, DateOnly), IReadOnlyList<TimeOnly>> Punches,
        Dictionary<(int, DateOnly), RequestKind> Requests,
        Dictionary<(int, DateOnly), StoredDay> Rows,
        Dictionary<(int, DateOnly), AttendanceDay>? Entities)
    {
        public DayInput Input(AttendanceBook book, StaffMember member, DateOnly date, DayPhase phase, TimeOnly? now) => new(
            date,
            book.ScheduleOf(member.UnitId, date),
            phase,
            Punches.TryGetValue((member.Id, date), out var p) ? p : [],
            book.HolidayOn(date),
            Requests.TryGetValue((member.Id, date), out var k) ? k : null,
            phase == DayPhase.Open ? now : null,
            Rows.TryGetValue((member.Id, date), out var row) ? row.CorrectedCode : null);
    }
}
