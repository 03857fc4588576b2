using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>Opens a request's document (a command: the read is audited). Anyone else learns nothing.</summary>
public sealed class OpenRequestDocument(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationTreeCache trees,
    CurrentUser currentUser,
    FileStore files,
    AuditLog audit)
{
    /// <summary>The request's document, for the requester, the approver, a leader over the requester's unit, or an admin.</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAsync(Guid id, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.AttendanceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException();
        var allowed = request.EmployeeId == me || request.ApproverEmployeeId == me || currentUser.IsAdmin;
        if (!allowed && currentUser.IsInRole(Roles.Pimpinan))
        {
            var tree = await trees.GetAsync(db, ct);
            var myUnit = await db.Employees.Where(e => e.Id == me).Select(e => e.UnitId).FirstAsync(ct);
            var theirUnit = await db.Employees.Where(e => e.Id == request.EmployeeId).Select(e => e.UnitId).FirstAsync(ct);
            allowed = tree.IsWithin(theirUnit, myUnit);
        }
        if (!allowed || request.DocumentKey is null)
        {
            throw new NotFoundException("Dokumen tidak ditemukan.");
        }
        await audit.WriteAsync("attendance.request.document.read", request.Id.ToString());
        return (files.OpenRead(request.DocumentKey), request.DocumentContentType ?? "application/octet-stream", request.DocumentName ?? "dokumen");
    }
}
