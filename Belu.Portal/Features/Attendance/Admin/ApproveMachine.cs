using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>
/// An admin approves a fingerprint machine, binding it to the network it may send from (the address it was seen from
/// unless told otherwise), or blocks it. Both are audited. See docs/decisions/0009-machine-trust.md.
/// </summary>
public sealed class ApproveMachine(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, OfficeClock clock)
{
    /// <param name="network">Addresses or CIDR ranges, comma-separated; empty: the address the machine was last seen from.</param>
    public async Task ApproveAsync(Guid deviceId, string? network, string? name = null, int? unitId = null, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var device = await MachineAsync(db, deviceId, ct);
        if (string.IsNullOrWhiteSpace(network))
        {
            network = MachineNetworks.DefaultFor(device.LastAddress)
                ?? throw new ValidationException("Mesin ini belum pernah terhubung; isi alamat IP atau rentang CIDR jaringannya.",
                    new Dictionary<string, string> { ["Network"] = "Jaringan wajib diisi." });
        }
        device.AllowedNetwork = RequireNetwork(network);
        if (!string.IsNullOrWhiteSpace(name))
        {
            device.Name = name.Trim().Length <= 200 ? name.Trim() : throw new ValidationException("Nama paling banyak 200 karakter.");
        }
        if (unitId is not null)
        {
            device.UnitId = await db.Units.AnyAsync(u => u.Id == unitId, ct) ? unitId : throw new ValidationException("Unit tidak ditemukan.");
        }
        device.Approval = MachineApproval.Disetujui;
        device.IsActive = true;
        device.RevokedUtc = null;
        device.ApprovedUtc = clock.UtcNow;
        device.ApprovedBy = currentUser.UserName;
        audit.Add(db, "attendance.device.approved", device.SerialNumber, $"{device.Name}; jaringan {device.AllowedNetwork}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Nothing the machine sends is accepted any more; its requests are recorded as refused.</summary>
    public async Task BlockAsync(Guid deviceId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var device = await MachineAsync(db, deviceId, ct);
        device.Approval = MachineApproval.Diblokir;
        audit.Add(db, "attendance.device.blocked", device.SerialNumber, device.Name);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The network list in its stored form, or a clear refusal.</summary>
    public static string RequireNetwork(string network)
    {
        if (MachineNetworks.TryParse(network, out var error) is not { } networks)
        {
            throw new ValidationException(error!, new Dictionary<string, string> { ["Network"] = error! });
        }
        var text = string.Join(", ", networks.Select(n => n.ToString()));
        return text.Length <= 300 ? text : throw new ValidationException("Daftar jaringan terlalu panjang (paling banyak 300 karakter).");
    }

    private static async Task<AttendanceDevice> MachineAsync(PortalDbContext db, Guid id, CancellationToken ct) =>
        await db.AttendanceDevices.FirstOrDefaultAsync(d => d.Id == id && d.Kind == DeviceKind.Adms, ct)
            ?? throw new NotFoundException("Mesin tidak ditemukan.");
}
