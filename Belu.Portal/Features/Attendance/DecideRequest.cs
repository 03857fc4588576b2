using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Notifications;
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
    OfficeClock clock)
{
    public async Task DecideAsync(Guid id, bool approve, string? note, Guid version, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.AttendanceRequests.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Permohonan tidak ditemukan.");
        if (request.EmployeeId == me)
        {
            throw new ForbiddenException("Anda tidak dapat memutuskan permohonan Anda sendiri; permohonan diputuskan oleh atasan langsung.");
        }
        if (request.ApproverEmployeeId != me)
        {
            throw new ForbiddenException("Permohonan ini diputuskan oleh atasan langsung pemohon, bukan oleh Anda.");
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
        request.DecidedUtc = clock.UtcNow;
        request.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        request.Version = Guid.NewGuid();
        audit.Add(db, approve ? "attendance.request.approved" : "attendance.request.rejected", request.Id.ToString(),
            $"{request.Kind} {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd} pegawai #{request.EmployeeId}");
        var decided = new RequestDecidedEvent(request.Id, request.Kind, approve, request.From, request.To, currentUser.DisplayName)
        {
            AtUtc = request.DecidedUtc.Value,
            RecipientEmployeeIds = [request.EmployeeId],
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

    private async Task RewriteClosedDaysAsync(PortalDbContext db, AttendanceRequest request, CancellationToken ct)
    {
        var book = await engine.LoadBookAsync(db, request.From, request.To, ct);
        if (book.LastClosedDay is not DateOnly closed || request.From > closed)
        {
            return;
        }
        var member = await AttendanceEngine.StaffMemberAsync(db, request.EmployeeId, ct);
        if (member is null)
        {
            return;
        }
        await engine.StoreClosedAsync(db, book, [member], request.From, request.To < closed ? request.To : closed, ct);
        await db.SaveChangesAsync(ct);
    }
}
