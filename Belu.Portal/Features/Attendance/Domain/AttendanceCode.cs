namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>The daily status codes (docs/domain/attendance.md), plus the two states a day can be in before it has a code.</summary>
public enum AttendanceCode
{
    /// <summary>Hadir tepat waktu.</summary>
    H = 0,
    TL1 = 1,
    TL2 = 2,
    TL3 = 3,
    TL4 = 4,
    PSW1 = 5,
    PSW2 = 6,
    PSW3 = 7,
    PSW4 = 8,

    /// <summary>Tanpa keterangan: no punch and no approved request once the day has closed.</summary>
    TK = 9,

    /// <summary>Dinas luar.</summary>
    DL = 10,

    /// <summary>Cuti.</summary>
    C = 11,

    /// <summary>Sakit.</summary>
    S = 12,

    /// <summary>Izin.</summary>
    I = 13,

    /// <summary>Not a working day: weekend, libur nasional or cuti bersama.</summary>
    Libur = 14,

    /// <summary>The day is still open and nothing is decided yet.</summary>
    Belum = 15,
}

/// <summary>What an employee may ask for over a date range.</summary>
public enum RequestKind
{
    DL = 0,
    C = 1,
    S = 2,
    I = 3,
}

public static class AttendanceCodes
{
    public static readonly IReadOnlyList<AttendanceCode> Late = [AttendanceCode.TL1, AttendanceCode.TL2, AttendanceCode.TL3, AttendanceCode.TL4];

    public static readonly IReadOnlyList<AttendanceCode> Early = [AttendanceCode.PSW1, AttendanceCode.PSW2, AttendanceCode.PSW3, AttendanceCode.PSW4];

    /// <summary>Codes counted in a monthly recap, in the order of the columns.</summary>
    public static readonly IReadOnlyList<AttendanceCode> Recap =
    [
        AttendanceCode.H, AttendanceCode.TL1, AttendanceCode.TL2, AttendanceCode.TL3, AttendanceCode.TL4,
        AttendanceCode.PSW1, AttendanceCode.PSW2, AttendanceCode.PSW3, AttendanceCode.PSW4,
        AttendanceCode.TK, AttendanceCode.DL, AttendanceCode.C, AttendanceCode.S, AttendanceCode.I,
    ];

    public static AttendanceCode ToCode(this RequestKind kind) => kind switch
    {
        RequestKind.DL => AttendanceCode.DL,
        RequestKind.C => AttendanceCode.C,
        RequestKind.S => AttendanceCode.S,
        _ => AttendanceCode.I,
    };

    public static bool IsLate(this AttendanceCode code) => code is >= AttendanceCode.TL1 and <= AttendanceCode.TL4;

    public static bool IsEarly(this AttendanceCode code) => code is >= AttendanceCode.PSW1 and <= AttendanceCode.PSW4;

    /// <summary>Away with a reason: duty, leave, sick, permission.</summary>
    public static bool IsExcused(this AttendanceCode code) => code is AttendanceCode.DL or AttendanceCode.C or AttendanceCode.S or AttendanceCode.I;

    /// <summary>Short text for a calendar cell.</summary>
    public static string Short(this AttendanceCode code) => code switch
    {
        AttendanceCode.Libur => "L",
        AttendanceCode.Belum => "—",
        _ => code.ToString(),
    };

    public static string Label(this AttendanceCode code) => code switch
    {
        AttendanceCode.H => "Hadir tepat waktu",
        AttendanceCode.TL1 => "Terlambat 1–30 menit",
        AttendanceCode.TL2 => "Terlambat 31–60 menit",
        AttendanceCode.TL3 => "Terlambat 61–90 menit",
        AttendanceCode.TL4 => "Terlambat lebih dari 90 menit / tidak absen masuk",
        AttendanceCode.PSW1 => "Pulang 1–30 menit sebelum waktu",
        AttendanceCode.PSW2 => "Pulang 31–60 menit sebelum waktu",
        AttendanceCode.PSW3 => "Pulang 61–90 menit sebelum waktu",
        AttendanceCode.PSW4 => "Pulang lebih dari 90 menit sebelum waktu / tidak absen pulang",
        AttendanceCode.TK => "Tanpa keterangan",
        AttendanceCode.DL => "Dinas luar",
        AttendanceCode.C => "Cuti",
        AttendanceCode.S => "Sakit",
        AttendanceCode.I => "Izin",
        AttendanceCode.Libur => "Hari libur",
        _ => "Belum ada keterangan",
    };

    public static string Label(this RequestKind kind) => kind switch
    {
        RequestKind.DL => "Dinas luar (DL)",
        RequestKind.C => "Cuti (C)",
        RequestKind.S => "Sakit (S)",
        _ => "Izin (I)",
    };

    public static bool TryParse(string? text, out AttendanceCode code) =>
        Enum.TryParse((text ?? "").Trim(), ignoreCase: true, out code) && Enum.IsDefined(code);
}
