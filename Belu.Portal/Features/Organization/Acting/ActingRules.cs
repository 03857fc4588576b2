namespace Belu.Portal.Features.Organization.Acting;

/// <summary>One appointment as the rules see it.</summary>
public sealed record ActingSpan(int Id, int ReplacedEmployeeId, int ActingEmployeeId, ActingKind Kind, string PostTitle, DateOnly From, DateOnly To, bool Cancelled)
{
    public string Capacity => ActingRules.Capacity(Kind, PostTitle);
}

/// <summary>An approved absence of the would-be acting official (DL, cuti, sakit, izin).</summary>
public sealed record AbsenceSpan(string Label, DateOnly From, DateOnly To);

/// <summary>
/// Who acts for a post on a day, and whether an appointment may be made (docs/domain/acting.md). Days are WITA
/// calendar days: an appointment "until 10 December" is in force through 23:59 WITA that day.
/// </summary>
public static class ActingRules
{
    public static string Capacity(ActingKind kind, string postTitle) => $"{kind}. {postTitle}";

    public static bool InForce(ActingSpan a, DateOnly day) => !a.Cancelled && a.From <= day && day <= a.To;

    /// <summary>The appointment acting for <paramref name="headId"/> on <paramref name="day"/>, if any.</summary>
    public static ActingSpan? ActingFor(IEnumerable<ActingSpan> appointments, int headId, DateOnly day) =>
        appointments.Where(a => a.ReplacedEmployeeId == headId && InForce(a, day)).OrderBy(a => a.From).FirstOrDefault();

    /// <summary>Who acts for the head on that day: the acting official during the range, otherwise the head himself.</summary>
    public static int ActorFor(IEnumerable<ActingSpan> appointments, int headId, DateOnly day) =>
        ActingFor(appointments, headId, day)?.ActingEmployeeId ?? headId;

    /// <summary>The posts <paramref name="employeeId"/> acts for on <paramref name="day"/>.</summary>
    public static IReadOnlyList<ActingSpan> PostsOf(IEnumerable<ActingSpan> appointments, int employeeId, DateOnly day) =>
        [.. appointments.Where(a => a.ActingEmployeeId == employeeId && InForce(a, day))];

    /// <summary>Why the appointment may not be made, or null: each refusal in Bahasa Indonesia, by field.</summary>
    public static Dictionary<string, string> Check(
        int replacedId, int actingId, DateOnly from, DateOnly to, DateOnly today,
        IEnumerable<ActingSpan> existing, IEnumerable<AbsenceSpan> actingAbsences, string actingName)
    {
        var errors = new Dictionary<string, string>();
        if (replacedId == actingId)
        {
            errors["ActingEmployeeId"] = "Pejabat tidak dapat ditunjuk sebagai Plh/Plt bagi jabatannya sendiri.";
        }
        if (to < from)
        {
            errors["To"] = "Tanggal selesai tidak boleh sebelum tanggal mulai.";
        }
        else if (from < today)
        {
            errors["From"] = $"Tanggal mulai {Day(from)} sudah lewat; penunjukan Plh/Plt berlaku mulai hari ini ({Day(today)}) atau sesudahnya.";
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        if (existing.FirstOrDefault(a => !a.Cancelled && a.ReplacedEmployeeId == replacedId && a.From <= to && from <= a.To) is { } overlap)
        {
            errors["From"] = $"Jabatan ini sudah memiliki {overlap.Kind} pada {Day(overlap.From)} s.d. {Day(overlap.To)}; rentang tanggal tidak boleh tumpang tindih.";
        }
        if (existing.FirstOrDefault(a => !a.Cancelled && a.ReplacedEmployeeId == actingId && a.From <= to && from <= a.To) is { } away)
        {
            errors["ActingEmployeeId"] = $"{actingName} sendiri digantikan oleh {away.Kind} pada {Day(away.From)} s.d. {Day(away.To)} dan tidak dapat menjadi Plh/Plt pada rentang itu.";
        }
        if (actingAbsences.FirstOrDefault(a => a.From <= to && from <= a.To) is { } absence)
        {
            errors["ActingEmployeeId"] = $"{actingName} sedang {absence.Label} pada {Day(absence.From)} s.d. {Day(absence.To)} (permohonan disetujui); pilih pejabat lain atau ubah rentang tanggal.";
        }
        return errors;
    }

    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy");
}
