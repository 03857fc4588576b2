using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization.Acting;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// The approver approves or rejects a waiting request; an approval rewrites the closed days it covers, and the
/// requester is told.
/// </summary>
public sealed class DecideRequest(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AttendanceEngine engine,
    AuditLog audit,
    Announcer announcer,
    OfficeClock clock,
    PostHolders postHolders,
    Microsoft.Extensions.Options.IOptions<ActingOptions> actingOptions,
    Leave.DecideLeave decideLeave)
{
    public async Task DecideAsync(Guid id, bool approve, string? note, Guid version, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A cuti has two decisions (docs/domain/leave.md): approve/reject here is the answer of whichever is due.
        var leave = await db.AttendanceRequests.AsNoTracking().Where(r => r.Id == id && r.Kind == RequestKind.C && r.LeaveKind != null)
            .Select(r => new { Considered = r.Consideration != null }).FirstOrDefaultAsync(ct);
        if (leave is not null)
        {
            var answer = approve ? Leave.Domain.LeaveConsideration.Setuju : Leave.Domain.LeaveConsideration.TidakDisetujui;
            await (leave.Considered ? decideLeave.DecideAsync(id, answer, note, version, ct) : decideLeave.ConsiderAsync(id, answer, note, version, ct));
            return;
        }
        var request = await db.AttendanceRequests.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Permohonan tidak ditemukan.");
        if (request.EmployeeId == me)
        {
            throw new ForbiddenException("Anda tidak dapat memutuskan permohonan Anda sendiri; permohonan diputuskan oleh atasan langsung.");
        }
        ActingSpan? acting = null;
        if (request.ApproverEmployeeId != me)
        {
            // The approver's Plh/Plt decides in his stead during the range, within the routine kinds (UU 30/2014 Pasal 14).
            acting = (await postHolders.PostsActedByAsync(db, me, ct: ct)).FirstOrDefault(p => p.ReplacedEmployeeId == request.ApproverEmployeeId)
                ?? throw new ForbiddenException("Permohonan ini diputuskan oleh atasan langsung pemohon, bukan oleh Anda.");
            if (!actingOptions.Value.MayDecide(request.Kind))
            {
                throw new ForbiddenException(ActingLimits.RequestRefusal(acting, request.Kind, actingOptions.Value));
            }
        }
        if (request.Version != version)
        {
            throw new ConcurrencyException();
        }
        if (request.Status != RequestStatus.Diajukan)
        {
            throw new ValidationException($"Permohonan ini sudah {request.Status.ToString().ToLowerInvariant()}.");
        }
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw new ValidationException("Tuliskan alasan penolakan.", new Dictionary<string, string> { ["Note"] = "Alasan penolakan wajib diisi." });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        request.Status = approve ? RequestStatus.Disetujui : RequestStatus.Ditolak;
        request.DecidedByEmployeeId = me;
        request.DecidedAs = acting?.Capacity;
        request.DecidedUtc = clock.UtcNow;
        request.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        request.Version = Guid.NewGuid();
        audit.Add(db, approve ? "attendance.request.approved" : "attendance.request.rejected", request.Id.ToString(),
            $"{request.Kind} {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd} pegawai #{request.EmployeeId}"
            + (acting is null ? "" : $" sebagai {acting.Capacity}"));
        var decidedBy = acting is null ? currentUser.DisplayName : $"{currentUser.DisplayName} ({acting.Capacity})";
        var decided = new RequestDecidedEvent(request.Id, request.Kind, approve, request.From, request.To, decidedBy)
        {
            AtUtc = request.DecidedUtc.Value,
            // The approver whose post was held hears of what was decided in his name.
            RecipientEmployeeIds = acting is null ? [request.EmployeeId] : [request.EmployeeId, acting.ReplacedEmployeeId],
            // The requester's unit: without one the event counted as regency-wide and reached every OPD's board.
            UnitId = await db.Employees.Where(e => e.Id == request.EmployeeId).Select(e => (int?)e.UnitId).FirstOrDefaultAsync(ct),
        };
        Outbox.Stage(db, decided);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException();
        }

        if (approve)
        {
            await RewriteClosedDaysAsync(db, request, ct);
        }
        await RequestNotices.AnswerAsync(db, currentUser.UserId, request.Id, request.DecidedUtc.Value, ct);
        await transaction.CommitAsync(ct);

        await announcer.AnnounceAsync([decided], ct);
    }

    private Task RewriteClosedDaysAsync(PortalDbContext db, AttendanceRequest request, CancellationToken ct) =>
        ApprovedDays.RewriteClosedAsync(db, engine, [request.EmployeeId], request.From, request.To, ct);
}
