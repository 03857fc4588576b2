using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>
/// The direct superior accepts or rejects a subordinate's field punch (docs/domain/field.md). Accepted, a flagged punch
/// counts; rejected, no punch counts. Audited, and a closed day it belongs to is computed again by the engine in the same
/// transaction (open days are computed when read).
/// </summary>
public sealed class ReviewFieldPunch(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AttendanceEngine engine, AuditLog audit, OfficeClock clock)
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
        var superior = await db.Employees.AsNoTracking().Where(e => e.Id == field.EmployeeId).Select(e => e.SuperiorId).FirstOrDefaultAsync(ct);
        if (superior != me)
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
        var punch = await db.Punches.FirstAsync(p => p.Id == punchId, ct);
        field.Review = review;
        field.ReviewedByEmployeeId = me;
        field.ReviewedUtc = clock.UtcNow;
        field.ReviewNote = note;
        field.Version = Guid.NewGuid();
        punch.Withheld = !FieldPunch.Counts(review);
        var date = DateOnly.FromDateTime(clock.ToLocal(field.AtUtc));
        audit.Add(db, review == FieldReview.Ditolak ? "attendance.field.rejected" : "attendance.field.accepted",
            $"{field.EmployeeId}/{date:yyyy-MM-dd}", $"{clock.ToLocal(field.AtUtc):HH:mm} {field.AreaName}" + (note is null ? "" : $": {note}"));
        await db.SaveOrConflictAsync(ct);
        await ApprovedDays.RewriteClosedAsync(db, engine, [field.EmployeeId], date, date, ct);
        await transaction.CommitAsync(ct);
    }
}
