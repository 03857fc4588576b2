using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>The punches already stored near a batch's: what the writer's duplicate check and first check-in need.</summary>
internal static class StoredPunches
{
    private sealed record StoredPunch(int EmployeeId, DateTime AtUtc);

    // Compiled: the writer runs it for every batch, and EF's building and looking up of a LINQ query cost more than it.
    private static readonly PerModel<Func<PortalDbContext, List<int>, DateTime, DateTime, IAsyncEnumerable<StoredPunch>>> PunchesBetween = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, List<int> ids, DateTime from, DateTime to) => db.Punches.AsNoTracking()
            .Where(p => ids.Contains(p.EmployeeId) && p.AtUtc > from && p.AtUtc < to)
            .Select(p => new StoredPunch(p.EmployeeId, p.AtUtc))));

    /// <summary>
    /// The stored punches of the batch's people on the batch's days, widened by the duplicate window: what the
    /// duplicate check and today's first check-in need. One query per local day in the batch (a morning's batch has
    /// one), not two per person: every punch of a day lies within that day's bounds, so its window lies within them
    /// widened by the window.
    /// </summary>
    public static async Task<Dictionary<int, List<DateTime>>> NearAsync(PortalDbContext db, OfficeClock clock, IReadOnlyList<PunchSubmission> submissions, TimeSpan window,
        CancellationToken ct)
    {
        var stored = new Dictionary<int, List<DateTime>>();
        foreach (var day in submissions.GroupBy(s => PunchRules.LocalDate(s.AtUtc, clock.TimeZone)))
        {
            var ids = day.Select(s => s.EmployeeId).Distinct().ToList();
            var (start, end) = clock.DayBoundsUtc(day.Key);
            var from = start - window;
            var to = end + window;
            await foreach (var row in PunchesBetween.For(db)(db, ids, from, to).WithCancellation(ct))
            {
                if (!stored.TryGetValue(row.EmployeeId, out var list))
                {
                    stored[row.EmployeeId] = list = [];
                }
                // Adjacent days' widened ranges overlap: keep each punch once.
                if (!list.Contains(row.AtUtc))
                {
                    list.Add(row.AtUtc);
                }
            }
        }
        return stored;
    }
}
