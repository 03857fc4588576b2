using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Organization;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Whose discipline watch a caller may read: an admin or a BKPSDM leader the whole regency, another leader the units
/// under his own, anyone else only themself. The page (Pantauan Disiplin) and its Excel export both ask this one rule.
/// </summary>
public sealed record DisciplineAudience(UnitTree Tree, int Me, int MyUnit, bool Everyone, HashSet<int>? Units)
{
    /// <summary>A plain Pegawai (a BKPSDM one too): their own line only, nothing of anyone else.</summary>
    public bool SelfOnly => !Everyone && Units is null;

    public static DisciplineAudience For(UnitTree tree, CurrentUser user, int me, int myUnit)
    {
        var bkpsdm = tree.All.FirstOrDefault(u => u.Code == AttendanceReportService.BkpsdmCode);
        var leader = user.IsInRole(Roles.Pimpinan);
        var everyone = user.IsAdmin || (bkpsdm is not null && leader && tree.IsWithin(myUnit, bkpsdm.Id));
        return new DisciplineAudience(tree, me, myUnit, everyone, everyone ? null : leader ? tree.SubtreeOf(myUnit) : null);
    }
}
