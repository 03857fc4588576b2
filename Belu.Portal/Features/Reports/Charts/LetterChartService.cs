using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Reports.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Reports.Charts;

/// <summary>What the letter dashboard draws: the caller's letters by state, and (for leaders) overdue dispositions per unit.</summary>
public sealed record LetterCharts(IReadOnlyList<ChartPoint> ByState, IReadOnlyList<ChartPoint> OverduePerUnit);

/// <summary>
/// The letter dashboard's charts, under the same rules as its counters: the letters the caller may see, and the
/// dispositions to the units a leader leads (an administrator: all units).
/// </summary>
public sealed class LetterChartService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser,
    LetterDirectories directories, OfficeClock clock, Organization.OrganizationTreeCache trees)
{
    public async Task<LetterCharts> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        var visible = LetterScope.Visible(db, dir.Viewer, await LetterScope.SeesFewAsync(db, dir.Viewer, ct)).AsNoTracking();
        var byState = new List<ChartPoint>();
        foreach (var state in Enum.GetValues<LetterState>())
        {
            byState.Add(new ChartPoint(state.Label(), await LetterListFilters.InState(visible, state, today).CountAsync(ct)));
        }

        IReadOnlyList<ChartPoint> overdue = [];
        if (currentUser.IsAdmin || currentUser.IsInRole(Roles.Pimpinan))
        {
            var (tree, units) = await DispositionRecapReport.ScopeAsync(db, trees, currentUser, null, ct);
            var facts = await DispositionRecapReport.LoadFactsAsync(db, clock, units, null, null, ct);
            overdue = DispositionRecap.By(facts, f => f.ToUnitId, today)
                .Where(l => l.Overdue > 0)
                .Select(l => new ChartPoint(tree[l.Key].Name, l.Overdue))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Label, StringComparer.Ordinal)
                .Take(10)
                .ToList();
        }
        return new LetterCharts(byState, overdue);
    }
}
