using Belu.Portal.Common;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization.Acting;

/// <summary>
/// The one answer to "who acts for the head of this post today": the head himself, or the Plh/Plt appointed for the
/// day (<see cref="ActingRules"/>), the day being the office's (WITA) calendar day. Letters, dispositions, requests and
/// drafts are addressed to the post's holder; every feature asks here whether the caller may act in his stead.
/// </summary>
public sealed class PostHolders(OfficeClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>The posts the employee acts for on the day (today by default): empty for nearly everyone.</summary>
    public async Task<IReadOnlyList<ActingSpan>> PostsActedByAsync(PortalDbContext db, int employeeId, DateOnly? day = null, CancellationToken ct = default)
    {
        var d = day ?? clock.Today;
        var rows = await InForce(db, d).Where(a => a.ActingEmployeeId == employeeId).Select(Span).ToListAsync(ct);
        return ActingRules.PostsOf(rows, employeeId, d);
    }

    /// <summary>The appointment in force for the head's post on the day, or null when he acts himself.</summary>
    public async Task<ActingSpan?> ActingForAsync(PortalDbContext db, int headId, DateOnly? day = null, CancellationToken ct = default)
    {
        var d = day ?? clock.Today;
        var rows = await InForce(db, d).Where(a => a.ReplacedEmployeeId == headId).Select(Span).ToListAsync(ct);
        return ActingRules.ActingFor(rows, headId, d);
    }

    /// <summary>For each of the people, who acts for them on the day; people nobody replaces map to themselves.</summary>
    public async Task<IReadOnlyDictionary<int, int>> ActorsForAsync(PortalDbContext db, IReadOnlyCollection<int> headIds, DateOnly? day = null, CancellationToken ct = default)
    {
        var d = day ?? clock.Today;
        var ids = headIds.Distinct().ToList();
        var rows = ids.Count == 0 ? [] : await InForce(db, d).Where(a => ids.Contains(a.ReplacedEmployeeId)).Select(Span).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => ActingRules.ActorFor(rows, id, d));
    }

    private static IQueryable<ActingAppointment> InForce(PortalDbContext db, DateOnly day) =>
        db.ActingAppointments.AsNoTracking().Where(a => a.CancelledAtUtc == null && a.From <= day && a.To >= day);

    internal static readonly System.Linq.Expressions.Expression<Func<ActingAppointment, ActingSpan>> Span = a =>
        new ActingSpan(a.Id, a.ReplacedEmployeeId, a.ActingEmployeeId, a.Kind, a.PostTitle, a.From, a.To, a.CancelledAtUtc != null);
}
