using System.Security.Cryptography;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>A new API device and its key, which is shown this once.</summary>
public sealed record CreatedDevice(Guid Id, string Key);

/// <summary>An administrator registers a fingerprint machine by its serial number, or creates an API device and its key. Audited.</summary>
public sealed class RegisterDevice(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit,
    OfficeClock clock)
{
    /// <summary>
    /// Registers a machine by its serial number. With a network it is approved at once for that network; without one it
    /// waits for approval until it makes contact and the admin has seen the address it comes from.
    /// </summary>
    public async Task<Guid> RegisterMachineAsync(string name, string serialNumber, int? unitId, CancellationToken ct = default, string? network = null)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var serial = (serialNumber ?? "").Trim();
        if (serial.Length is < 4 or > 64 || !serial.All(char.IsAsciiLetterOrDigit))
        {
            throw new ValidationException("Nomor seri mesin 4–64 huruf/angka (lihat menu Info Sistem pada mesin).",
                new Dictionary<string, string> { ["SerialNumber"] = "Nomor seri tidak sah." });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AttendanceDevices.AnyAsync(d => d.SerialNumber == serial, ct))
        {
            throw new ValidationException($"Mesin dengan nomor seri {serial} sudah terdaftar.");
        }
        var device = new AttendanceDevice { Name = RequireName(name), Kind = DeviceKind.Adms, SerialNumber = serial, UnitId = unitId, CreatedUtc = clock.UtcNow };
        if (!string.IsNullOrWhiteSpace(network))
        {
            device.AllowedNetwork = ApproveMachine.RequireNetwork(network);
            device.Approval = MachineApproval.Disetujui;
            device.ApprovedUtc = clock.UtcNow;
            device.ApprovedBy = currentUser.UserName;
        }
        db.AttendanceDevices.Add(device);
        audit.Add(db, "attendance.device.registered", serial, device.AllowedNetwork is null ? device.Name : $"{device.Name}; disetujui untuk jaringan {device.AllowedNetwork}");
        await db.SaveChangesAsync(ct);
        return device.Id;
    }

    /// <summary>Creates an API device; the returned key is shown once and only its SHA-256 is kept.</summary>
    public async Task<CreatedDevice> CreateApiDeviceAsync(string name, int? unitId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var key = "belu_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var device = new AttendanceDevice
        {
            Name = RequireName(name),
            Kind = DeviceKind.Api,
            KeyHash = DeviceIngestService.HashKey(key),
            KeyHint = key[..9] + "…",
            UnitId = unitId,
            CreatedUtc = clock.UtcNow,
        };
        db.AttendanceDevices.Add(device);
        audit.Add(db, "attendance.device.key-created", device.Name, device.KeyHint);
        await db.SaveChangesAsync(ct);
        return new CreatedDevice(device.Id, key);
    }

    private static string RequireName(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200
            ? throw new ValidationException("Nama perangkat wajib diisi.", new Dictionary<string, string> { ["Name"] = "Wajib diisi." })
            : name.Trim();
}
