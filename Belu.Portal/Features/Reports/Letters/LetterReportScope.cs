using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Reports.Pipeline;

using Belu.Portal.Features.Letters;

namespace Belu.Portal.Features.Reports.Letters;

/// <summary>What the letter reports share: the longest period, the default period, and the units a caller may name.</summary>
internal static class LetterReportScope
{
    /// <summary>A register or recap covers at most a year (a leap year included): bigger books are split by year.</summary>
    public const int MaxDays = 366;

    /// <summary>
    /// The period asked for, or the year so far when none is given (a register without a period would be the whole
    /// archive); too long or reversed periods are refused with a message the user reads.
    /// </summary>
    public static ReportPeriod Period(DateOnly? from, DateOnly? to, DateOnly today, int maxDays = MaxDays)
    {
        var end = to ?? (from is DateOnly f && f > today ? f : today);
        var start = from ?? new DateOnly(end.Year, 1, 1);
        // No letter is registered in the future: such a period is a mistake, said as one (400), not an empty book.
        if (start > today || end > today)
        {
            throw new ValidationException($"Periode laporan tidak boleh melewati hari ini ({today:dd-MM-yyyy}).");
        }
        return ReportPeriod.Create(start, end, maxDays);
    }

    /// <summary>
    /// The units a caller may filter by: those they lead, the register they keep, their own unit; an administrator
    /// any. Naming another is refused (403), never answered with an empty book that would confirm what exists.
    /// </summary>
    public static void RequireUnit(LetterDirectory dir, CurrentUser user, int? unitId)
    {
        if (unitId is not int unit)
        {
            return;
        }
        if (!dir.Tree.Contains(unit))
        {
            throw new NotFoundException("Unit tidak ditemukan.");
        }
        var allowed = user.IsAdmin || dir.Viewer.LedUnits.Contains(unit) || unit == dir.MeRow.UnitId
            || (dir.Viewer.AgendaUnitId is int agenda && dir.Tree.IsWithin(unit, agenda));
        if (!allowed)
        {
            throw new ForbiddenException($"{dir.Tree[unit].Name} berada di luar lingkup surat Anda.");
        }
    }

    /// <summary>"Dinas ... › Bidang ...", or the caller's scope in words when no unit was chosen.</summary>
    public static string UnitLabel(LetterDirectory dir, int? unitId) =>
        unitId is int u ? (dir.Tree.PathOf(u) is { Length: > 0 } path ? path : dir.Tree[u].Name) : "Semua surat dalam lingkup Anda";

    public static string? FileScope(LetterDirectory dir, int? unitId) => unitId is int u ? ReportUnitNames.Of(dir.Tree, u) : null;
}
