using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization;

namespace Belu.Portal.Features.Attendance;

/// <summary>An employee as attendance needs them.</summary>
public sealed record StaffMember
{
    public int Id { get; init; }

    public string Name { get; init; } = "";

    public string? Nip { get; init; }

    public string Position { get; init; } = "";

    public int UnitId { get; init; }

    public int? SuperiorId { get; init; }
}

/// <summary>Everything needed to classify days over a period, loaded once per operation.</summary>
public sealed class AttendanceBook(
    UnitTree tree, ScheduleBook schedules, IReadOnlyDictionary<DateOnly, Holiday> holidays, PenaltyTable penalties,
    ClassificationRules rules, DateOnly? lastClosedDay)
{
    private readonly Dictionary<int, IReadOnlyList<int>> _ancestry = [];

    public UnitTree Tree => tree;

    public PenaltyTable Penalties => penalties;

    public ClassificationRules Rules => rules;

    public ScheduleBook Schedules => schedules;

    public IReadOnlyDictionary<DateOnly, Holiday> Holidays => holidays;

    /// <summary>The last day the daily close has finished; days up to it are read from their stored rows.</summary>
    public DateOnly? LastClosedDay => lastClosedDay;

    public DaySchedule? ScheduleOf(int unitId, DateOnly date) => schedules.For(date, Ancestry(unitId));

    public string? HolidayOn(DateOnly date) => holidays.TryGetValue(date, out var h) ? h.Name : null;

    public bool IsWorkingDay(int unitId, DateOnly date) => HolidayOn(date) is null && ScheduleOf(unitId, date) is not null;

    private IReadOnlyList<int> Ancestry(int unitId)
    {
        if (!_ancestry.TryGetValue(unitId, out var list))
        {
            list = tree.Contains(unitId) ? tree.AncestryOf(unitId).Select(n => n.Id).ToList() : [unitId];
            _ancestry[unitId] = list;
        }
        return list;
    }
}

/// <summary>Days of several employees: the classified result of each (employee, date), or none where there is no record.</summary>
public sealed class DayGrid(
    Dictionary<(int EmployeeId, DateOnly Date), DayResult> results,
    AttendanceBook book,
    IReadOnlyDictionary<(int EmployeeId, DateOnly Date), IReadOnlyList<TimeOnly>>? punches = null,
    DateOnly? punchesFrom = null)
{
    public AttendanceBook Book => book;

    /// <summary>
    /// The punches (local time, in order) the classification of an open day read, or null for a day whose punches
    /// were not read (closed days are answered from their stored rows).
    /// </summary>
    public IReadOnlyList<TimeOnly>? PunchesOn(int employeeId, DateOnly date) =>
        punches is null || punchesFrom is not DateOnly first || date < first ? null
        : punches.TryGetValue((employeeId, date), out var list) ? list.Order().ToList() : [];

    public DayResult? this[int employeeId, DateOnly date] => results.TryGetValue((employeeId, date), out var r) ? r : null;

    public IEnumerable<DayResult> DaysOf(int employeeId, DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (this[employeeId, d] is DayResult r)
            {
                yield return r;
            }
        }
    }
}
