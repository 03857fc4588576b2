namespace Belu.Portal.Features.Attendance.Leave.Domain;

/// <summary>The kinds of cuti of PP 11/2017 Pasal 310 (PNS); PPPK have four of them (PP 49/2018, Peraturan BKN 7/2022). See docs/domain/leave.md.</summary>
public enum LeaveKind
{
    Tahunan = 0,
    Besar = 1,
    Sakit = 2,
    Melahirkan = 3,
    AlasanPenting = 4,
    Bersama = 5,
    Cltn = 6,
}

/// <summary>What a kind does to the cuti tahunan right of the year it starts in.</summary>
public enum AnnualEffect
{
    /// <summary>Leaves the annual right alone.</summary>
    None = 0,

    /// <summary>Its working days are taken from the annual right (cuti tahunan itself).</summary>
    Reduces = 1,

    /// <summary>Taking it forfeits the whole annual right of that year, carried days included (cuti besar).</summary>
    ForfeitsYear = 2,
}

public static class LeaveKindLabels
{
    public static string Label(this LeaveKind kind) => kind switch
    {
        LeaveKind.Tahunan => "Cuti Tahunan",
        LeaveKind.Besar => "Cuti Besar",
        LeaveKind.Sakit => "Cuti Sakit",
        LeaveKind.Melahirkan => "Cuti Melahirkan",
        LeaveKind.AlasanPenting => "Cuti Karena Alasan Penting",
        LeaveKind.Bersama => "Cuti Bersama",
        LeaveKind.Cltn => "Cuti di Luar Tanggungan Negara",
        _ => kind.ToString(),
    };
}

/// <summary>
/// The four answers of the leave form (Peraturan BKN 24/2017, annex), both for the direct superior's consideration and
/// for the grantor's decision: disetujui, perubahan, ditangguhkan, tidak disetujui.
/// </summary>
public enum LeaveConsideration
{
    Setuju = 0,
    Perubahan = 1,
    Ditangguhkan = 2,
    TidakDisetujui = 3,
}

public static class LeaveConsiderationLabels
{
    public static string Label(this LeaveConsideration answer) => answer switch
    {
        LeaveConsideration.Setuju => "Disetujui",
        LeaveConsideration.Perubahan => "Perubahan",
        LeaveConsideration.Ditangguhkan => "Ditangguhkan",
        LeaveConsideration.TidakDisetujui => "Tidak disetujui",
        _ => answer.ToString(),
    };
}
