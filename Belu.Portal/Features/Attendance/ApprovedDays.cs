using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// An approval that reaches back into closed days rewrites them from the facts (open days need nothing: they are
/// computed from the approved request when read). Shared by a superior's decision and a signed Surat Tugas.
/// </summary>
internal static class ApprovedDays
{
    public static async Task RewriteClosedAsync(PortalDbContext db, AttendanceEngine engine, IReadOnlyCollection<int> employeeIds, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        var book = await engine.LoadBookAsync(db, from, to, ct);
        if (book.LastClosedDay is not DateOnly closed || from > closed)
        {
            return;
        }
        var staff = new List<StaffMember>();
        foreach (var id in employeeIds)
        {
            if (await AttendanceEngine.StaffMemberAsync(db, id, ct) is { } member)
            {
                staff.Add(member);
            }
        }
        if (staff.Count == 0)
        {
            return;
        }
        await engine.StoreClosedAsync(db, book, staff, from, to < closed ? to : closed, ct);
        await db.SaveChangesAsync(ct);
    }
}
