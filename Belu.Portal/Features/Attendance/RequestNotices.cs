using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>The events that tell an approver of a request: one on submission, one reminder when it waits too long.</summary>
internal static class RequestNotices
{
    public static async Task<RequestSubmittedEvent> SubmittedAsync(PortalDbContext db, AttendanceRequest request, CancellationToken ct)
    {
        var requester = await RequesterAsync(db, request.EmployeeId, ct);
        return new RequestSubmittedEvent(request.Id, request.Kind, request.From, request.To, requester.Name)
        {
            AtUtc = request.CreatedUtc,
            RecipientEmployeeIds = request.ApproverEmployeeId is int approver ? [approver] : [],
            // The requester's unit: without one the event would count as regency-wide and reach every OPD's board.
            UnitId = requester.UnitId,
            SubjectEmployeeId = request.EmployeeId,
        };
    }

    public static async Task<RequestReminderEvent> ReminderAsync(PortalDbContext db, AttendanceRequest request, int holderId, DateTime nowUtc, CancellationToken ct)
    {
        var requester = await RequesterAsync(db, request.EmployeeId, ct);
        return new RequestReminderEvent(request.Id, request.Kind, request.From, request.To, requester.Name)
        {
            AtUtc = nowUtc,
            RecipientEmployeeIds = [holderId],
            UnitId = requester.UnitId,
            SubjectEmployeeId = request.EmployeeId,
        };
    }

    /// <summary>
    /// A decision answers the approver's notices about the request (its submission and any reminder), wherever he
    /// decided it: from the list as well as from the request's own page, whose opening already marked them read.
    /// </summary>
    public static Task<int> AnswerAsync(PortalDbContext db, string? approverUserId, Guid requestId, DateTime atUtc, CancellationToken ct)
    {
        if (approverUserId is null)
        {
            return Task.FromResult(0);
        }
        var link = RequestLinks.Decide(requestId);
        return db.Notifications.Where(n => n.UserId == approverUserId && n.ReadAtUtc == null && n.Link == link)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, atUtc), ct);
    }

    private static async Task<(string Name, int? UnitId)> RequesterAsync(PortalDbContext db, int employeeId, CancellationToken ct)
    {
        var row = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Select(e => new { e.Name, UnitId = (int?)e.UnitId }).FirstOrDefaultAsync(ct);
        return (row?.Name ?? "pegawai", row?.UnitId);
    }
}
