using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Reports.Attendance;

/// <summary>
/// The fill of each code as the recap page's chips show it (Attendance/Components/CodeChip.razor.css): green on
/// time, orange late, amber left early, red TK, blue excused, grey days off.
/// </summary>
public static class AttendanceCodeFills
{
    public const string OnTime = "E3F4E6";
    public const string Late = "FFE8D2";
    public const string Early = "FFF4C4";
    public const string Absent = "FDE0E0";
    public const string Excused = "E1ECFB";
    public const string Off = "ECEFF1";

    /// <summary>What a day cell shows on a day off.</summary>
    public static readonly string OffText = AttendanceCode.Libur.Short();

    /// <summary>Every text a day cell can hold ("H", "TL2", "TL1·PSW4", "L") with its fill.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByText = Build();

    public static string? Of(AttendanceCode code) => code switch
    {
        AttendanceCode.H => OnTime,
        _ when code.IsLate() => Late,
        _ when code.IsEarly() => Early,
        AttendanceCode.TK => Absent,
        _ when code.IsExcused() => Excused,
        AttendanceCode.Libur => Off,
        _ => null,
    };

    private static Dictionary<string, string> Build()
    {
        var fills = new Dictionary<string, string>();
        foreach (var code in Enum.GetValues<AttendanceCode>())
        {
            if (Of(code) is string fill)
            {
                fills[code.Short()] = fill;
            }
        }
        // A late arrival that also left early shows both codes; the chip takes the late colour, so does the cell.
        foreach (var late in AttendanceCodes.Late)
        {
            foreach (var early in AttendanceCodes.Early)
            {
                fills[new DayResult(late, late, early).Display] = Late;
            }
        }
        return fills;
    }
}
