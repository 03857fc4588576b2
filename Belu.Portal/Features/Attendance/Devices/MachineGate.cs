using System.Net;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Devices;

public enum MachineAccess
{
    /// <summary>Approved and from its network: its lines are processed.</summary>
    Accepted = 0,

    /// <summary>Known (or just seen for the first time) but not approved yet.</summary>
    Pending = 1,

    /// <summary>Blocked or revoked by an admin.</summary>
    Blocked = 2,

    /// <summary>Approved, but from an address outside its network.</summary>
    OutsideNetwork = 3,

    /// <summary>No usable serial number, or too many unknown machines waiting already: nothing is recorded.</summary>
    Invalid = 4,
}

public sealed record MachineCheck(MachineAccess Access, AttendanceDevice? Device, string Address);

/// <summary>
/// Who may speak ADMS. A serial number is printed on the machine's label, so it identifies a machine but proves
/// nothing: a machine is accepted only once an admin has approved it, and only from the network the approval bound it
/// to. The first contact of an unknown SN is recorded as a machine waiting for approval, with the address it came from;
/// everything refused is recorded as an event the admin sees.
/// </summary>
public sealed class MachineGate(IDbContextFactory<PortalDbContext> dbFactory, MachineJournal journal, OfficeClock clock, DeviceLastSeen lastSeen)
{
    /// <summary>Unknown machines recorded as waiting at most: a script inventing serial numbers must not fill the list.</summary>
    public const int MaxWaiting = 100;

    /// <param name="lines">Lines of the upload this request carries (0 for a handshake or a poll), for the record of a refusal.</param>
    public async Task<MachineCheck> CheckAsync(string? serial, IPAddress? remote, int lines = 0, CancellationToken ct = default)
    {
        var address = MachineNetworks.Describe(remote);
        serial = serial?.Trim();
        if (string.IsNullOrEmpty(serial) || serial.Length is < 4 or > 64 || !serial.All(char.IsAsciiLetterOrDigit))
        {
            return new MachineCheck(MachineAccess.Invalid, null, address);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var device = await db.AttendanceDevices.AsNoTracking().FirstOrDefaultAsync(d => d.SerialNumber == serial && d.Kind == DeviceKind.Adms, ct);
        if (device is null)
        {
            return await FirstContactAsync(db, serial, address, ct);
        }
        if (!device.IsActive || device.Approval == MachineApproval.Diblokir)
        {
            await journal.RecordAsync(device.Id, MachineEventKind.Diblokir, address, lines, ct);
            return new MachineCheck(MachineAccess.Blocked, device, address);
        }
        if (device.Approval != MachineApproval.Disetujui)
        {
            await SeenAsync(db, device, address, ct);
            if (lines > 0)
            {
                await journal.RecordAsync(device.Id, MachineEventKind.BelumDisetujui, address, lines, ct);
            }
            return new MachineCheck(MachineAccess.Pending, device, address);
        }
        if (!MachineNetworks.Allows(device.AllowedNetwork, remote))
        {
            // The SN of an approved machine from elsewhere: the very alert this gate exists for. LastAddress stays the
            // machine's own, so the page shows where the real machine is.
            await journal.RecordAsync(device.Id, MachineEventKind.DiLuarJaringan, address, lines, ct);
            return new MachineCheck(MachineAccess.OutsideNetwork, device, address);
        }
        if (device.LastAddress is not null && device.LastAddress != address)
        {
            await journal.RecordAsync(device.Id, MachineEventKind.AlamatBaru, address, 0, ct);
        }
        await SeenAsync(db, device, address, ct);
        return new MachineCheck(MachineAccess.Accepted, device, address);
    }

    private async Task<MachineCheck> FirstContactAsync(PortalDbContext db, string serial, string address, CancellationToken ct)
    {
        if (await db.AttendanceDevices.CountAsync(d => d.Kind == DeviceKind.Adms && d.Approval == MachineApproval.Menunggu, ct) >= MaxWaiting)
        {
            return new MachineCheck(MachineAccess.Invalid, null, address);
        }
        var now = clock.UtcNow;
        var device = new AttendanceDevice
        {
            Name = $"Mesin baru {serial}",
            Kind = DeviceKind.Adms,
            SerialNumber = serial,
            Approval = MachineApproval.Menunggu,
            LastAddress = address,
            CreatedUtc = now,
            LastSeenUtc = now,
        };
        db.AttendanceDevices.Add(device);
        db.MachineEvents.Add(new MachineEvent { DeviceId = device.Id, Kind = MachineEventKind.KontakPertama, Address = address, FirstUtc = now, LastUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same machine's second request won the race (the serial number is unique): it is recorded once.
            db.ChangeTracker.Clear();
            device = await db.AttendanceDevices.AsNoTracking().FirstAsync(d => d.SerialNumber == serial, ct);
        }
        return new MachineCheck(MachineAccess.Pending, device, address);
    }

    /// <summary>Last seen and the address it came from; the time at most every <see cref="DeviceLastSeen.Interval"/>.</summary>
    private async Task SeenAsync(PortalDbContext db, AttendanceDevice device, string address, CancellationToken ct)
    {
        var moved = device.LastAddress != address;
        if (!moved && !lastSeen.ShouldWrite(device.Id, clock.UtcNow))
        {
            return;
        }
        var now = clock.UtcNow;
        await db.AttendanceDevices.Where(d => d.Id == device.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeenUtc, now).SetProperty(d => d.LastAddress, address), ct);
    }
}
