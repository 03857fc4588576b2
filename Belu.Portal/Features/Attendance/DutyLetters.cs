using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>The Surat Tugas a DL day comes from: its number, and the code of its public verification page.</summary>
public sealed record DutyLetter(string Number, string VerificationCode)
{
    public string Link => $"/verifikasi/{VerificationCode}";
}

/// <summary>Which days of which staff a signed Surat Tugas ordered, so the recap can link them to their letter.</summary>
internal static class DutyLetters
{
    public static async Task<IReadOnlyDictionary<(int EmployeeId, DateOnly Date), DutyLetter>> ForAsync(
        PortalDbContext db, IReadOnlyCollection<int> employeeIds, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var ids = employeeIds.ToList();
        var rows = await (from r in db.AttendanceRequests.AsNoTracking()
                          join l in db.Set<ElectronicLetters.SignedLetter>() on r.SignedLetterId equals l.Id
                          where EF.Parameter(ids).Contains(r.EmployeeId) && r.Status == RequestStatus.Disetujui && r.From <= last && r.To >= first
                          select new { r.EmployeeId, r.From, r.To, l.Number, l.VerificationCode }).ToListAsync(ct);
        var map = new Dictionary<(int, DateOnly), DutyLetter>();
        foreach (var r in rows)
        {
            for (var d = r.From < first ? first : r.From; d <= r.To && d <= last; d = d.AddDays(1))
            {
                map[(r.EmployeeId, d)] = new DutyLetter(r.Number, r.VerificationCode);
            }
        }
        return map;
    }
}
