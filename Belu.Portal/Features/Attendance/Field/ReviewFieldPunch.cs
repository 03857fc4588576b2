using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>
/// The direct superior, or his Plh/Plt while he is away, accepts or rejects a subordinate's field punch
/// (docs/domain/field.md). Accepted, a flagged punch counts; rejected, no punch counts. Audited (an acting official
/// "sebagai Plh. …"), and a closed day it belongs to is computed again by the engine in the same transaction (open days
/// are computed when read). The employee is told of a rejection, and of a withheld punch accepted, through the outbox.
/// </summary>
public sealed class ReviewFieldPunch(
    IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AttendanceEngine engine, AuditLog audit, OfficeClock clock,
    FieldReviewers reviewers, Announcer announcer)
{
    public const string NotYourSubordinate = "Absen lapangan ini bukan milik bawahan langsung Anda.";

    public Task AcceptAsync(Guid punchId, CancellationToken ct = default) => DecideAsync(punchId, FieldReview.Diterima, null, ct);

    public Task RejectAsync(Guid punchId, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            throw new ValidationException("Alasan penolakan wajib diisi (paling banyak 500 karakter).",
                new Dictionary<string, string> { ["Reason"] = "Wajib diisi." });
        }
        return DecideAsync(punchId, FieldReview.Ditolak, reason.Trim(), ct);
    }

    private async Task DecideAsync(Guid punchId, FieldReview review, string? note, CancellationToken ct)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var field = await db.Set<FieldPunch>().FirstOrDefaultAsync(f => f.PunchId == punchId, ct) ?? throw new NotFoundException();
        if (field.EmployeeId == me)
        {
            throw new ForbiddenException("Anda tidak dapat meninjau absen lapangan Anda sendiri.");
        }
        var (may, acting) = await reviewers.ForAsync(db, me, field.EmployeeId, ct);
        if (!may)
        {
            throw new ForbiddenException(NotYourSubordinate);
        }
        if (field.Review == FieldReview.Ditolak)
        {
            throw new ValidationException("Absen lapangan ini sudah ditolak.");
        }
        if (field.Review == review)
        {
            return;
        }
        var wasWithheld = field.Review == FieldReview.Menunggu;
        var punch = await db.Punches.FirstAsync(p => p.Id == punchId, ct);
        field.Review = review;
        field.ReviewedByEmployeeId = me;
        field.ReviewedAs = acting?.Capacity;
        field.ReviewedUtc = clock.UtcNow;
        field.ReviewNote = note;
        field.Version = Guid.NewGuid();
        punch.Withheld = !FieldPunch.Counts(review);
        var atLocal = clock.ToLocal(field.AtUtc);
        var date = DateOnly.FromDateTime(atLocal);
        audit.Add(db, review == FieldReview.Ditolak ? "attendance.field.rejected" : "attendance.field.accepted",
            $"{field.EmployeeId}/{date:yyyy-MM-dd}", $"{atLocal:HH:mm} {field.AreaName}" + (note is null ? "" : $": {note}")
            + (acting is null ? "" : $" sebagai {acting.Capacity}"));
        // The employee hears of a rejection, and of a withheld punch that now counts; accepting what already counted says nothing new.
        PortalEvent? told = review == FieldReview.Ditolak || wasWithheld
            ? new FieldPunchReviewedEvent(punchId, atLocal, field.AreaName, review == FieldReview.Diterima, note,
                acting is null ? currentUser.DisplayName : $"{currentUser.DisplayName} ({acting.Capacity})")
            {
                AtUtc = field.ReviewedUtc.Value,
                RecipientEmployeeIds = [field.EmployeeId],
                SubjectEmployeeId = field.EmployeeId,
            }
            : null;
        if (told is not null)
        {
            Outbox.Stage(db, told);
        }
        await db.SaveOrConflictAsync(ct);
        await ApprovedDays.RewriteClosedAsync(db, engine, [field.EmployeeId], date, date, ct);
        await transaction.CommitAsync(ct);
        if (told is not null)
        {
            await announcer.AnnounceAsync([told], ct);
        }
    }
}
