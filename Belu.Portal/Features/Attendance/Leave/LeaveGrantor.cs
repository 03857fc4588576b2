using Belu.Portal.Data;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>
/// Who grants a cuti (pejabat yang berwenang memberikan cuti, Peraturan BKN 24/2017): by default the head of the OPD for
/// his staff, and the head of the Sekretariat Daerah (the Sekda) for heads of OPD; the Sekda's own cuti goes to his
/// superior. Each is the nearest one up with a portal account. Configurable (<see cref="LeaveOptions"/>).
/// </summary>
public static class LeaveGrantor
{
    public static async Task<int?> OfAsync(PortalDbContext db, int employeeId, LeaveOptions options, CancellationToken ct)
    {
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new { e.Id, e.UnitId, e.SuperiorId }).ToDictionaryAsync(e => e.Id, ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Kind, u.Code }).ToDictionaryAsync(u => u.Id, ct);
        var withAccount = (await db.Users.AsNoTracking().Where(u => u.EmployeeId != null).Select(u => u.EmployeeId!.Value).ToListAsync(ct)).ToHashSet();
        var superiors = people.Values.Where(p => p.SuperiorId != null).ToDictionary(p => p.Id, p => p.SuperiorId!.Value);
        if (!people.TryGetValue(employeeId, out var me))
        {
            return null;
        }

        int? HeadOf(int unitId) => people.Values
            .Where(p => p.UnitId == unitId && (p.SuperiorId is not int s || !people.TryGetValue(s, out var sup) || sup.UnitId != unitId))
            .OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefault();

        int? WithAccountFrom(int? candidate) => candidate is not int c ? null
            : withAccount.Contains(c) ? c : SubmitRequest.ApproverOf(c, superiors, withAccount);

        if (!options.HeadOfOpdGrantsForStaff)
        {
            return SubmitRequest.ApproverOf(employeeId, superiors, withAccount);
        }
        var opd = me.UnitId;
        while (units.TryGetValue(opd, out var u) && !u.Kind.IsTopLevel() && u.ParentId is int parent)
        {
            opd = parent;
        }
        var head = HeadOf(opd);
        if (head is int h && h != employeeId)
        {
            return WithAccountFrom(h);
        }
        // A head of OPD: the Sekda grants, unless he is the Sekda himself.
        var setda = units.Values.FirstOrDefault(u => string.Equals(u.Code, options.GrantorOfHeadsOfOpdUnitCode, StringComparison.OrdinalIgnoreCase));
        var sekda = setda is null ? null : HeadOf(setda.Id);
        if (sekda is int s && s != employeeId)
        {
            return WithAccountFrom(s);
        }
        return SubmitRequest.ApproverOf(employeeId, superiors, withAccount);
    }
}
