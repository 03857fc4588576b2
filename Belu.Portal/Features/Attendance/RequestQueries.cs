using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization.Acting;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

public sealed record RequestRow(
    Guid Id, int EmployeeId, string EmployeeName, string? Nip, RequestKind Kind, DateOnly From, DateOnly To, string Reason,
    RequestStatus Status, string? ApproverName, string? DecisionNote, DateTime CreatedUtc, DateTime? DecidedUtc, bool HasDocument, Guid Version,
    string? DecidedByName = null, string? DecidedAs = null,
    Leave.Domain.LeaveKind? LeaveKind = null, Leave.Domain.LeaveConsideration? Consideration = null, int? ApproverId = null, int? GrantorId = null)
{
    /// <summary>Whose answer the request waits for: the grantor's once a cuti has its consideration, the approver's otherwise.</summary>
    public int? WaitsFor => Status != RequestStatus.Diajukan ? null : LeaveKind is not null && Consideration is not null ? GrantorId : ApproverId;

    public string KindLabel => LeaveKind is Leave.Domain.LeaveKind k ? Leave.Domain.LeaveKindLabels.Label(k) : Kind.Label();

    /// <summary>"oleh Nama (Plh. Kepala Dinas …)" when an acting official decided it; empty otherwise.</summary>
    public string DecidedByLabel => DecidedAs is null ? "" : $"oleh {DecidedByName} ({DecidedAs})";
}

/// <summary>Requests as their lists show them: the caller's own, and those the caller is to decide.</summary>
public sealed class RequestQueries(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, OfficeClock clock, PostHolders postHolders)
{
    public async Task<IReadOnlyList<RequestRow>> ListMineAsync(CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, db.AttendanceRequests.Where(r => r.EmployeeId == me)).ToListAsync(ct);
    }

    /// <summary>
    /// Requests the caller is to decide (pending first), and the ones decided recently: his own, and while he acts as
    /// Plh/Plt those of the post he holds today (docs/domain/acting.md).
    /// </summary>
    public async Task<IReadOnlyList<RequestRow>> ListToDecideAsync(CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = clock.UtcNow.AddDays(-60);
        var approvers = (await postHolders.PostsActedByAsync(db, me, ct: ct)).Select(p => (int?)p.ReplacedEmployeeId).Append(me).ToList();
        return await Rows(db, db.AttendanceRequests.Where(r => (approvers.Contains(r.ApproverEmployeeId) || (approvers.Contains(r.GrantorEmployeeId) && r.Consideration != null))
                && (r.Status == RequestStatus.Diajukan || r.DecidedUtc >= since)))
            .ToListAsync(ct);
    }

    /// <summary>Whom the caller answers for today: himself, and the officials whose posts he holds as Plh/Plt. A row
    /// waiting for someone else (a cuti whose consideration he already gave, now with the grantor) offers him no buttons.</summary>
    public async Task<IReadOnlySet<int>> DecidingForAsync(CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await postHolders.PostsActedByAsync(db, me, ct: ct)).Select(p => p.ReplacedEmployeeId).Append(me).ToHashSet();
    }

    internal static IQueryable<RequestRow> Rows(PortalDbContext db, IQueryable<AttendanceRequest> requests) =>
        requests.OrderBy(r => r.Status == RequestStatus.Diajukan ? 0 : 1).ThenByDescending(r => r.From)
            .Select(r => new RequestRow(r.Id, r.EmployeeId,
                db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.Name).First(),
                db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.Nip).First(),
                r.Kind, r.From, r.To, r.Reason, r.Status,
                db.Employees.Where(e => e.Id == r.ApproverEmployeeId).Select(e => e.Name).FirstOrDefault(),
                r.DecisionNote, r.CreatedUtc, r.DecidedUtc, r.DocumentKey != null, r.Version,
                db.Employees.Where(e => e.Id == r.DecidedByEmployeeId).Select(e => e.Name).FirstOrDefault(), r.DecidedAs,
                r.LeaveKind, r.Consideration, r.ApproverEmployeeId, r.GrantorEmployeeId));
}
