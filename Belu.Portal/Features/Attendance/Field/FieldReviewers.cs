using Belu.Portal.Data;
using Belu.Portal.Features.Organization.Acting;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>
/// Who reviews a field punch (docs/domain/field.md, "Review"): the employee's direct superior, or whoever holds that
/// superior's post today as Plh/Plt (docs/domain/acting.md), acting in the post's name. Nobody reviews his own punch.
/// </summary>
public sealed class FieldReviewers(PostHolders postHolders)
{
    /// <summary>The superiors the caller answers for today: himself, and the officials whose posts he holds.</summary>
    public async Task<List<int>> SuperiorsAsync(PortalDbContext db, int me, CancellationToken ct) =>
        (await postHolders.PostsActedByAsync(db, me, ct: ct)).Select(p => p.ReplacedEmployeeId).Append(me).Distinct().ToList();

    /// <summary>
    /// Whether the caller may review the employee's punches, and in what capacity: <c>(true, null)</c> as his direct
    /// superior, <c>(true, span)</c> as the superior's Plh/Plt today, <c>(false, null)</c> otherwise.
    /// </summary>
    public async Task<(bool May, ActingSpan? Acting)> ForAsync(PortalDbContext db, int me, int employeeId, CancellationToken ct)
    {
        if (employeeId == me)
        {
            return (false, null);
        }
        var superior = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => e.SuperiorId).FirstOrDefaultAsync(ct);
        if (superior is null)
        {
            return (false, null);
        }
        if (superior == me)
        {
            return (true, null);
        }
        var acting = (await postHolders.PostsActedByAsync(db, me, ct: ct)).FirstOrDefault(p => p.ReplacedEmployeeId == superior);
        return (acting is not null, acting);
    }
}
