using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>An administrator sets the TPP deduction percent per code (the region's Perbup). Audited.</summary>
public sealed class SavePenalties(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task SavePenaltiesAsync(IReadOnlyDictionary<AttendanceCode, decimal> rates, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if (rates.Any(r => r.Value is < 0 or > 100))
        {
            throw new ValidationException("Persentase potongan harus antara 0 dan 100.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.PenaltyRates.ToDictionaryAsync(r => r.Code, ct);
        foreach (var (code, percent) in rates)
        {
            if (existing.TryGetValue(code, out var row))
            {
                row.Percent = percent;
            }
            else
            {
                db.PenaltyRates.Add(new PenaltyRate { Code = code, Percent = percent });
            }
        }
        audit.Add(db, "attendance.penalties.updated", null, string.Join(", ", rates.Select(r => $"{r.Key}={r.Value}")));
        await db.SaveChangesAsync(ct);
    }
}
