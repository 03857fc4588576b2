namespace Belu.Portal.Features.Attendance.Leave.Domain;

/// <summary>A cuti asked for, with what the rules need to know of it and of the employee.</summary>
/// <param name="WorkingDays">Working days inside the range (weekends and holidays excluded).</param>
/// <param name="ServiceStart">Start of service (TMT CPNS/PPPK), when known; unknown is not held against him.</param>
/// <param name="AnnualLeft">Days of annual right left in the leave's year (N + N-1 + N-2), for cuti tahunan.</param>
public sealed record LeaveAsk(
    LeaveKind Kind, DateOnly From, DateOnly To, int WorkingDays, bool HasDocument, DateOnly? ServiceStart, int AnnualLeft, string EmployeeKind);

/// <summary>The rules of one request, as plain code (docs/domain/leave.md). Errors are keyed by form field, in Bahasa Indonesia.</summary>
public static class LeaveRequestRules
{
    public static Dictionary<string, string> Check(LeaveAsk ask, LeaveKindRule rule)
    {
        var errors = new Dictionary<string, string>();
        var label = ask.Kind.Label();
        if (!rule.Entitled || !rule.Requestable)
        {
            errors["LeaveKind"] = rule.Entitled
                ? $"{label} tidak diajukan lewat permohonan: harinya ditetapkan dalam kalender libur."
                : $"{label} tidak berlaku bagi {ask.EmployeeKind}.";
            return errors;
        }
        if (ask.WorkingDays < 1)
        {
            errors["To"] = "Rentang tanggal tidak memuat hari kerja: hari libur tidak perlu diajukan cuti.";
            return errors;
        }
        if (rule.MinServiceMonths > 0 && ask.ServiceStart is DateOnly start && ask.From < start.AddMonths(rule.MinServiceMonths))
        {
            errors["From"] = $"{label} baru dapat diambil setelah masa kerja {Months(rule.MinServiceMonths)} terus-menerus, yaitu mulai {start.AddMonths(rule.MinServiceMonths):dd/MM/yyyy}.";
        }
        if (rule.MaxWorkingDays is int maxDays && ask.WorkingDays > maxDays)
        {
            errors["To"] = $"{label} paling lama {maxDays} hari kerja; permohonan ini {ask.WorkingDays} hari kerja.";
        }
        if (rule.MaxMonths is int maxMonths && ask.To >= ask.From.AddMonths(maxMonths))
        {
            errors["To"] = $"{label} paling lama {Months(maxMonths)}: selesai paling lambat {ask.From.AddMonths(maxMonths).AddDays(-1):dd/MM/yyyy}.";
        }
        if (rule.AnnualEffect == AnnualEffect.Reduces)
        {
            if (ask.From.Year != ask.To.Year)
            {
                errors["To"] = $"{label} diajukan per tahun: pisahkan hari-hari di tahun {ask.To.Year} menjadi permohonan tersendiri.";
            }
            else if (ask.WorkingDays > ask.AnnualLeft)
            {
                errors["To"] = $"Sisa hak cuti tahunan Anda tahun {ask.From.Year} {ask.AnnualLeft} hari kerja; permohonan ini {ask.WorkingDays} hari kerja.";
            }
        }
        if (!ask.HasDocument && rule.NeedsDocument(ask.WorkingDays))
        {
            errors["Document"] = rule.DocumentAfterWorkingDays == 0
                ? $"Lampirkan {rule.Document} (PDF/JPG/PNG)."
                : $"{label} lebih dari {rule.DocumentAfterWorkingDays} hari kerja: lampirkan {rule.Document} (PDF/JPG/PNG).";
        }
        return errors;
    }

    private static string Months(int months) => months % 12 == 0 ? $"{months / 12} tahun" : $"{months} bulan";
}
