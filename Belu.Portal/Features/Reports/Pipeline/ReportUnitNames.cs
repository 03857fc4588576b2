using Belu.Portal.Features.Organization;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>
/// How an export names a unit, as a clerk files it: an OPD by its code ("DISKOMINFO"), a sub-unit by its OPD and its
/// own name ("DISKOMINFO Aplikasi Informatika"). A sub-unit's code ("DISKOMINFO-03") means nothing on a file or a tab.
/// </summary>
public static class ReportUnitNames
{
    public static string Of(UnitTree tree, int unitId)
    {
        var unit = tree[unitId];
        if (unit.Kind.IsTopLevel() || unit.Kind == UnitKind.Pemkab || tree.OpdOf(unitId) is not { } opd || opd.Id == unitId)
        {
            return unit.Code;
        }
        // "Bidang"/"Bagian" is what every sub-unit is; the rest of the name is what tells them apart on a 31-letter tab.
        var name = unit.Name;
        foreach (var prefix in new[] { "Bidang ", "Bagian " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
            }
        }
        return $"{opd.Code} {name}";
    }
}
