using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>An administrator revokes a device: its punches are refused from now on. Audited.</summary>
public sealed class RevokeDevice(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, OfficeClock clock)
{
    public async Task RevokeDeviceAsync(Guid id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var device = await db.AttendanceDevices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Perangkat tidak ditemukan.");
        device.IsActive = false;
        device.RevokedUtc = clock.UtcNow;
        audit.Add(db, "attendance.device.revoked", device.SerialNumber ?? device.KeyHint, device.Name);
        await db.SaveChangesAsync(ct);
    }
}
