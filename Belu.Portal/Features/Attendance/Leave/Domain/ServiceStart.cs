using Belu.Portal.Features.Organization;

namespace Belu.Portal.Features.Attendance.Leave.Domain;

/// <summary>
/// When service began, read from the NIP: digits 9–14 are the TMT of appointment as CPNS (yyyyMM). A NIP that does not
/// read so (a PPPK number, none at all) gives none, and no service rule is held against the employee.
/// </summary>
public static class ServiceStart
{
    public static DateOnly? FromNip(string? nip, int currentYear) =>
        Nip.TryParse(nip, currentYear, out var parsed, out _) ? new DateOnly(parsed.AppointmentYear, parsed.AppointmentMonth, 1) : null;

    /// <summary>Entitled to cuti tahunan in <paramref name="year"/>: a year of service reached by its last day.</summary>
    public static bool EntitledIn(DateOnly? start, int year, int minServiceMonths) =>
        start is not DateOnly s || s.AddMonths(minServiceMonths) <= new DateOnly(year, 12, 31);
}
