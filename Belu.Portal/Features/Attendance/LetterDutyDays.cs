using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>What a signed Surat Tugas orders: who goes, over which days, where and why.</summary>
public sealed record DutyAssignment(Guid SignedLetterId, string LetterNumber, IReadOnlyList<int> EmployeeIds, DateOnly From, DateOnly To,
    string? Place, string? Purpose, int SignerPostId, int SignedById, string? SignedAs, DateTime SignedAtUtc);

/// <summary>
/// A signed Surat Tugas is the duty order itself (docs/domain/attendance.md): each staff member it assigns gets an
/// approved DL request over its dates, linked to the letter, decided by its signer. It is the same row an approved DL
/// request is, so the engine reads it the same way: open days are computed from it, closed days in its range are
/// rewritten as a decision rewrites them, and weekends and holidays inside stay days off. Run inside the signature's
/// transaction; running it again for the same letter adds nothing (one row per letter and employee).
/// </summary>
public static class LetterDutyDays
{
    public static async Task<int> RecordAsync(PortalDbContext db, AttendanceEngine engine, DutyAssignment duty, CancellationToken ct = default)
    {
        if (duty.EmployeeIds.Count == 0 || duty.To < duty.From)
        {
            return 0;
        }
        var ids = duty.EmployeeIds.Distinct().ToList();
        var already = await db.AttendanceRequests.Where(r => r.SignedLetterId == duty.SignedLetterId && ids.Contains(r.EmployeeId))
            .Select(r => r.EmployeeId).ToListAsync(ct);
        var added = ids.Except(already).ToList();
        if (added.Count == 0)
        {
            return 0;
        }
        var reason = $"Surat Tugas {duty.LetterNumber}" + (string.IsNullOrWhiteSpace(duty.Purpose) ? "" : $": {duty.Purpose.Trim()}")
            + (string.IsNullOrWhiteSpace(duty.Place) ? "" : $" di {duty.Place.Trim()}");
        foreach (var id in added)
        {
            db.AttendanceRequests.Add(new AttendanceRequest
            {
                EmployeeId = id, Kind = RequestKind.DL, From = duty.From, To = duty.To, Reason = reason.Length > 1000 ? reason[..1000] : reason,
                Status = RequestStatus.Disetujui, ApproverEmployeeId = duty.SignerPostId, DecidedByEmployeeId = duty.SignedById,
                DecidedAs = duty.SignedAs, DecidedUtc = duty.SignedAtUtc, CreatedUtc = duty.SignedAtUtc, SignedLetterId = duty.SignedLetterId,
            });
        }
        await db.SaveChangesAsync(ct);
        await ApprovedDays.RewriteClosedAsync(db, engine, added, duty.From, duty.To, ct);
        return added.Count;
    }
}
