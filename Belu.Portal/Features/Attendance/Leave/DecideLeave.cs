using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization.Acting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>
/// The two decisions on a cuti (Peraturan BKN 24/2017): the direct superior's consideration, then the decision of the
/// official empowered to grant it. Each is the caller's only if the request is his to answer (or, as Plh/Plt, his
/// post's, within <see cref="ActingOptions.RoutineRequestKinds"/>); anyone else gets 403. A granted cuti writes its
/// working days as C through the path every approved request takes.
/// </summary>
public sealed class DecideLeave(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AttendanceEngine engine,
    AuditLog audit,
    Announcer announcer,
    OfficeClock clock,
    PostHolders postHolders,
    IOptions<ActingOptions> actingOptions,
    IOptions<LeaveOptions> leaveOptions)
{
    /// <summary>The direct superior's pertimbangan. When he is also the grantor, his answer is the decision too.</summary>
    public async Task ConsiderAsync(Guid id, LeaveConsideration answer, string? note, Guid version, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await LoadAsync(db, id, me, ct);
        if (request.Consideration is not null)
        {
            throw new ValidationException("Pertimbangan atasan langsung sudah diberikan; permohonan menunggu keputusan pejabat yang berwenang.");
        }
        var acting = await ActingForAsync(db, me, request.ApproverEmployeeId, request, "Pertimbangan cuti ini diberikan oleh atasan langsung pemohon, bukan oleh Anda.", ct);
        Check(request, answer, note, version);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        request.Consideration = answer;
        request.ConsiderationNote = Trim(note);
        request.ConsideredByEmployeeId = me;
        request.ConsideredAs = acting?.Capacity;
        request.ConsideredUtc = clock.UtcNow;
        request.Version = Guid.NewGuid();
        audit.Add(db, "attendance.leave.considered", request.Id.ToString(),
            $"{request.LeaveKind} {answer} pegawai #{request.EmployeeId}" + (acting is null ? "" : $" sebagai {acting.Capacity}"));
        PortalEvent next;
        if (request.GrantorEmployeeId == request.ApproverEmployeeId || request.GrantorEmployeeId is null)
        {
            next = await GrantAsync(db, request, me, acting, answer, note, ct);
        }
        else
        {
            // The grantor hears of it now, through the same notice a new request gives its approver.
            var submitted = await RequestNotices.SubmittedAsync(db, request, ct);
            next = submitted with { AtUtc = request.ConsideredUtc.Value, RecipientEmployeeIds = [request.GrantorEmployeeId.Value] };
            // His turn begins now: his reminder comes a working day from here (RequestTurn).
            request.ReminderSentUtc = null;
            Outbox.Stage(db, next);
        }
        await SaveAsync(db, ct);
        if (request.Status == RequestStatus.Disetujui)
        {
            await RewriteClosedDaysAsync(db, request, ct);
        }
        await RequestNotices.AnswerAsync(db, currentUser.UserId, request.Id, clock.UtcNow, ct);
        await transaction.CommitAsync(ct);
        await announcer.AnnounceAsync([next], ct);
    }

    /// <summary>The grantor's decision: disetujui writes the C days; ditangguhkan or tidak disetujui closes the request.</summary>
    public async Task DecideAsync(Guid id, LeaveConsideration answer, string? note, Guid version, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await LoadAsync(db, id, me, ct);
        if (request.Consideration is null)
        {
            throw new ValidationException("Permohonan cuti ini belum diberi pertimbangan oleh atasan langsung.");
        }
        var acting = await ActingForAsync(db, me, request.GrantorEmployeeId, request, "Cuti ini diputuskan oleh pejabat yang berwenang memberikan cuti, bukan oleh Anda.", ct);
        Check(request, answer, note, version);
        if (answer == LeaveConsideration.Perubahan)
        {
            throw new ValidationException("Keputusan perubahan belum dapat diberikan di portal: tidak setujui dengan catatan, lalu pemohon mengajukan tanggal yang baru.",
                new Dictionary<string, string> { ["Answer"] = "Pilih disetujui, ditangguhkan, atau tidak disetujui." });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decided = await GrantAsync(db, request, me, acting, answer, note, ct);
        await SaveAsync(db, ct);
        if (request.Status == RequestStatus.Disetujui)
        {
            await RewriteClosedDaysAsync(db, request, ct);
        }
        await RequestNotices.AnswerAsync(db, currentUser.UserId, request.Id, clock.UtcNow, ct);
        await transaction.CommitAsync(ct);
        await announcer.AnnounceAsync([decided], ct);
    }

    private async Task<RequestDecidedEvent> GrantAsync(PortalDbContext db, AttendanceRequest request, int me, ActingSpan? acting, LeaveConsideration answer, string? note, CancellationToken ct)
    {
        var approve = answer == LeaveConsideration.Setuju;
        request.Status = approve ? RequestStatus.Disetujui : RequestStatus.Ditolak;
        request.GrantDecision = answer == LeaveConsideration.Perubahan ? LeaveConsideration.TidakDisetujui : answer;
        request.DecidedByEmployeeId = me;
        request.DecidedAs = acting?.Capacity;
        request.DecidedUtc = clock.UtcNow;
        request.DecisionNote = Trim(note);
        request.Version = Guid.NewGuid();
        audit.Add(db, approve ? "attendance.request.approved" : "attendance.request.rejected", request.Id.ToString(),
            $"{request.Kind} {request.LeaveKind} {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd} pegawai #{request.EmployeeId} {request.GrantDecision}"
            + (acting is null ? "" : $" sebagai {acting.Capacity}"));
        var decidedBy = acting is null ? currentUser.DisplayName : $"{currentUser.DisplayName} ({acting.Capacity})";
        var decided = new RequestDecidedEvent(request.Id, request.Kind, approve, request.From, request.To, decidedBy)
        {
            AtUtc = request.DecidedUtc.Value,
            RecipientEmployeeIds = acting is null ? [request.EmployeeId] : [request.EmployeeId, acting.ReplacedEmployeeId],
            UnitId = await db.Employees.Where(e => e.Id == request.EmployeeId).Select(e => (int?)e.UnitId).FirstOrDefaultAsync(ct),
        };
        Outbox.Stage(db, decided);
        return decided;
    }

    private static async Task<AttendanceRequest> LoadAsync(PortalDbContext db, Guid id, int me, CancellationToken ct)
    {
        var request = await db.AttendanceRequests.FirstOrDefaultAsync(r => r.Id == id && r.Kind == RequestKind.C && r.LeaveKind != null, ct)
            ?? throw new NotFoundException("Permohonan cuti tidak ditemukan.");
        if (request.EmployeeId == me)
        {
            throw new ForbiddenException("Anda tidak dapat memutuskan permohonan cuti Anda sendiri.");
        }
        return request;
    }

    /// <summary>Null when the caller is the one named; his acting span when he holds that post today; 403 otherwise.</summary>
    private async Task<ActingSpan?> ActingForAsync(PortalDbContext db, int me, int? named, AttendanceRequest request, string refusal, CancellationToken ct)
    {
        if (named == me)
        {
            return null;
        }
        var acting = (await postHolders.PostsActedByAsync(db, me, ct: ct)).FirstOrDefault(p => p.ReplacedEmployeeId == named)
            ?? throw new ForbiddenException(refusal);
        var ppkOnly = request.LeaveKind is LeaveKind k && leaveOptions.Value.Pns[k].GrantedByPpkOnly;
        if (!actingOptions.Value.MayDecide(RequestKind.C) || ppkOnly)
        {
            throw new ForbiddenException(ActingLimits.RequestRefusal(acting, RequestKind.C, actingOptions.Value));
        }
        return acting;
    }

    private static void Check(AttendanceRequest request, LeaveConsideration answer, string? note, Guid version)
    {
        if (request.Version != version)
        {
            throw new ConcurrencyException();
        }
        if (request.Status != RequestStatus.Diajukan)
        {
            throw new ValidationException($"Permohonan ini sudah {request.Status.ToString().ToLowerInvariant()}.");
        }
        if (!Enum.IsDefined(answer))
        {
            throw new ValidationException("Pilihan pertimbangan tidak sah.");
        }
        if (answer != LeaveConsideration.Setuju && string.IsNullOrWhiteSpace(note))
        {
            throw new ValidationException("Tuliskan alasannya.", new Dictionary<string, string> { ["Note"] = "Alasan wajib diisi bila tidak langsung disetujui." });
        }
    }

    private static string? Trim(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException();
        }
    }

    private async Task RewriteClosedDaysAsync(PortalDbContext db, AttendanceRequest request, CancellationToken ct) =>
        await ApprovedDays.RewriteClosedAsync(db, engine, [request.EmployeeId], request.From, request.To, ct);
}
