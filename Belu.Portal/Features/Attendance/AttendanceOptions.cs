using System.Globalization;
using System.Net;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// E-Absen settings (section "Attendance" of the top-level appsettings.json). The schedule and penalty values here are
/// the defaults; what the admin maintains (schedules per unit, holidays, the penalty table) lives in the database.
/// </summary>
public sealed class AttendanceOptions
{
    public const string Section = "Attendance";

    /// <summary>Working hours per weekday, "HH:mm-HH:mm"; a weekday left out is a day off (Perpres 21/2023).</summary>
    public Dictionary<string, string> WorkingHours { get; set; } = [];

    /// <summary>Hours used for a new Ramadan override (32.5 hours a week, start 08:00).</summary>
    public Dictionary<string, string> RamadanHours { get; set; } = [];

    public string CheckInFrom { get; set; } = "06:00";

    /// <summary>A first punch after this time is not a check-in (it can only be the check-out).</summary>
    public string CheckInUntil { get; set; } = "12:00";

    public string CheckOutUntil { get; set; } = "18:00";

    /// <summary>Upper bounds of TL1..TL3 in minutes; more is TL4.</summary>
    public int[]? LateBandsMinutes { get; set; }

    /// <summary>Upper bounds of PSW1..PSW3 in minutes; more is PSW4.</summary>
    public int[]? EarlyBandsMinutes { get; set; }

    /// <summary>TPP deduction in percent per code; the admin's table in the database starts from these.</summary>
    public Dictionary<string, decimal> Penalties { get; set; } = [];

    public decimal MonthlyDeductionCapPercent { get; set; } = 100m;

    /// <summary>PP 94/2021 thresholds in days of TK per year.</summary>
    public int[]? DisciplineThresholds { get; set; }

    public int ConsecutiveTkForDismissal { get; set; } = 10;

    /// <summary>Punches of the same person closer than this are one punch.</summary>
    public int DuplicateWindowSeconds { get; set; } = 60;

    /// <summary>Older punches are refused (a machine with a wrong clock, a file from years ago).</summary>
    public int MaxPunchAgeDays { get; set; } = 62;

    public int MaxFutureSkewMinutes { get; set; } = 5;

    /// <summary>
    /// Machine lines (ADMS, device API) older than this are refused: a machine offline for a while still catches up,
    /// a line backdated by weeks does not get in. Lines for closed days within it wait for an admin's review.
    /// </summary>
    public int MachineMaxAgeDays { get; set; } = 31;

    /// <summary>This many lines for closed days in one upload raise an alert on the admin's device page.</summary>
    public int MachineBackdatedBurst { get; set; } = 20;

    /// <summary>Web check-in only from these networks (CIDR, e.g. "10.20.0.0/16"); empty allows every address.</summary>
    public string[]? OfficeNetworks { get; set; }

    public int KioskStepSeconds { get; set; } = 30;

    /// <summary>How many previous kiosk codes are still accepted (a scan just before the rotation).</summary>
    public int KioskGraceSteps { get; set; } = 1;

    /// <summary>How often the daily close checks for days to close.</summary>
    public int DailyCloseCheckMinutes { get; set; } = 5;

    public bool DailyCloseEnabled { get; set; } = true;

    /// <summary>How often the portal looks for requests still undecided after a working day, to remind their approvers.</summary>
    public int RequestReminderCheckMinutes { get; set; } = 15;

    /// <summary>After downtime, at most this many missed days are closed.</summary>
    public int CatchUpMaxDays { get; set; } = 62;

    public static readonly IReadOnlyDictionary<string, string> PerpresHours = new Dictionary<string, string>
    {
        ["Monday"] = "07:30-16:00", ["Tuesday"] = "07:30-16:00", ["Wednesday"] = "07:30-16:00", ["Thursday"] = "07:30-16:00", ["Friday"] = "07:30-16:30",
    };

    public static readonly IReadOnlyDictionary<string, string> DefaultRamadanHours = new Dictionary<string, string>
    {
        ["Monday"] = "08:00-15:00", ["Tuesday"] = "08:00-15:00", ["Wednesday"] = "08:00-15:00", ["Thursday"] = "08:00-15:00", ["Friday"] = "08:00-15:30",
    };

    public WeekSchedule DefaultWeek() => Week(WorkingHours.Count > 0 ? WorkingHours : PerpresHours);

    public WeekSchedule RamadanWeek() => Week(RamadanHours.Count > 0 ? RamadanHours : DefaultRamadanHours);

    public WeekSchedule Week(IReadOnlyDictionary<string, string> hours) => new(
        hours.ToDictionary(h => Enum.Parse<DayOfWeek>(h.Key, ignoreCase: true), h => DayHours.Parse(h.Value)),
        Time(CheckInFrom), Time(CheckInUntil), Time(CheckOutUntil));

    public ClassificationRules Classification() => new(
        LateBandsMinutes is { Length: > 0 } late ? late : ClassificationRules.Default.LateBands,
        EarlyBandsMinutes is { Length: > 0 } early ? early : ClassificationRules.Default.EarlyBands);

    public IReadOnlyDictionary<AttendanceCode, decimal> DefaultPenalties()
    {
        var rates = new Dictionary<AttendanceCode, decimal>(PenaltyTable.DefaultRates);
        foreach (var (key, value) in Penalties)
        {
            if (AttendanceCodes.TryParse(key, out var code))
            {
                rates[code] = value;
            }
        }
        return rates;
    }

    public DisciplineRules Discipline() => new(
        DisciplineThresholds is { Length: > 0 } t ? t : DisciplineRules.DefaultThresholds, ConsecutiveTkForDismissal);

    public IReadOnlyList<IPNetwork> Networks() =>
        (OfficeNetworks ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => IPNetwork.Parse(n.Trim())).ToList();

    private static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
