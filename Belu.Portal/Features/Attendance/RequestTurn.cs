using Belu.Portal.Data;

namespace Belu.Portal.Features.Attendance;

/// <summary>A pending request with the one whose turn it is, and since when (<see cref="RequestTurn"/>).</summary>
public sealed class PendingTurn
{
    public required AttendanceRequest Request { get; init; }

    /// <summary>The employee whose decision it waits for.</summary>
    public required int HolderId { get; init; }

    /// <summary>When his turn began: the request's sending, or the consideration that passed a cuti to the grantor.</summary>
    public required DateTime StartedUtc { get; init; }
}

/// <summary>
/// Whose turn a pending request is (docs/domain/leave.md): the direct superior's (the approver) until he has given his
/// consideration on a cuti, then the grantor's, from that moment. The one definition the home page's count, the
/// morning digest, the reminder and the escalation all read, so nobody is counted or reminded of a turn that has passed.
/// </summary>
public static class RequestTurn
{
    public static IQueryable<PendingTurn> Pending(PortalDbContext db) =>
        db.AttendanceRequests
            .Where(r => r.Status == RequestStatus.Diajukan && (r.Consideration != null ? r.GrantorEmployeeId : r.ApproverEmployeeId) != null)
            .Select(r => new PendingTurn
            {
                Request = r,
                HolderId = (r.Consideration != null ? r.GrantorEmployeeId : r.ApproverEmployeeId)!.Value,
                StartedUtc = r.ConsideredUtc ?? r.CreatedUtc,
            });
}
