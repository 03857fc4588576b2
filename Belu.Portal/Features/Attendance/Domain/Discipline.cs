namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>Sanction levels of PP 94/2021 for unexcused absence (tidak masuk kerja tanpa alasan yang sah).</summary>
public enum DisciplineLevel
{
    None = 0,
    TeguranLisan = 1,
    TeguranTertulis = 2,
    PernyataanTidakPuas = 3,
    PotonganTunjangan6Bulan = 4,
    PotonganTunjangan9Bulan = 5,
    PotonganTunjangan12Bulan = 6,
    PenurunanJabatan = 7,
    PembebasanJabatan = 8,
    Pemberhentian = 9,
}

/// <summary>Where an employee stands this year: the level reached, and how far the next one is.</summary>
public sealed record DisciplineAssessment(int TkDays, int LongestRun, DisciplineLevel Level, DisciplineLevel? Next, int? DaysToNext)
{
    /// <summary>One more unexcused day reaches the next level: the moment a leader should act.</summary>
    public bool OneDayAway => DaysToNext == 1;

    public bool NeedsAttention => Level != DisciplineLevel.None || OneDayAway;
}

/// <summary>
/// PP 94/2021 thresholds (days of TK in a year): 3 lisan, 4 tertulis, 7 tidak puas, 11/14/17 tunjangan cut for 6/9/12
/// months, 21 demotion, 25 non-managerial post, 28 dismissal; 10 consecutive working days is dismissal as well.
/// </summary>
public sealed class DisciplineRules(IReadOnlyList<int> thresholds, int consecutiveDaysForDismissal = 10)
{
    public static readonly IReadOnlyList<int> DefaultThresholds = [3, 4, 7, 11, 14, 17, 21, 25, 28];

    public static readonly DisciplineRules Default = new(DefaultThresholds);

    public DisciplineAssessment Assess(int tkDays, int longestRun = 0)
    {
        var reached = thresholds.Count(t => tkDays >= t);
        var level = (DisciplineLevel)Math.Min(reached, (int)DisciplineLevel.Pemberhentian);
        if (longestRun >= consecutiveDaysForDismissal)
        {
            level = DisciplineLevel.Pemberhentian;
        }
        if (level == DisciplineLevel.Pemberhentian || reached >= thresholds.Count)
        {
            return new DisciplineAssessment(tkDays, longestRun, level, null, null);
        }
        var next = (DisciplineLevel)(reached + 1);
        return new DisciplineAssessment(tkDays, longestRun, level, next, thresholds[reached] - tkDays);
    }

    /// <summary>The longest run of consecutive TK among working days (days off between them do not break it).</summary>
    public static int LongestRun(IEnumerable<(DateOnly Date, AttendanceCode Code)> workingDays)
    {
        int best = 0, current = 0;
        foreach (var (_, code) in workingDays.OrderBy(d => d.Date))
        {
            if (code == AttendanceCode.Libur)
            {
                continue;
            }
            current = code == AttendanceCode.TK ? current + 1 : 0;
            best = Math.Max(best, current);
        }
        return best;
    }
}

public static class DisciplineLabels
{
    public static string Label(this DisciplineLevel level) => level switch
    {
        DisciplineLevel.None => "Belum ada",
        DisciplineLevel.TeguranLisan => "Teguran lisan",
        DisciplineLevel.TeguranTertulis => "Teguran tertulis",
        DisciplineLevel.PernyataanTidakPuas => "Pernyataan tidak puas secara tertulis",
        DisciplineLevel.PotonganTunjangan6Bulan => "Pemotongan tunjangan kinerja 25% selama 6 bulan",
        DisciplineLevel.PotonganTunjangan9Bulan => "Pemotongan tunjangan kinerja 25% selama 9 bulan",
        DisciplineLevel.PotonganTunjangan12Bulan => "Pemotongan tunjangan kinerja 25% selama 12 bulan",
        DisciplineLevel.PenurunanJabatan => "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
        DisciplineLevel.PembebasanJabatan => "Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan",
        _ => "Pemberhentian dengan hormat tidak atas permintaan sendiri",
    };

    /// <summary>Hukuman disiplin ringan, sedang or berat.</summary>
    public static string Category(this DisciplineLevel level) => level switch
    {
        DisciplineLevel.None => "—",
        <= DisciplineLevel.PernyataanTidakPuas => "Ringan",
        <= DisciplineLevel.PotonganTunjangan12Bulan => "Sedang",
        _ => "Berat",
    };
}
