using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Devices.Commands;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>
/// An admin queues a command for an approved fingerprint machine; the machine takes it on its next poll
/// (<see cref="MachineCommandDesk"/>). Admin only, audited. The same command still waiting is not queued twice
/// (a double click, two admins at once): its number is returned instead.
/// </summary>
public sealed class QueueMachineCommand(
    IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, OfficeClock clock, IOptions<AdmsOptions> options)
{
    /// <summary>Puts the employee on the machine with his machine PIN (or NIP) and name.</summary>
    public async Task<int> PutUserAsync(Guid deviceId, int employeeId, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var device = await MachineAsync(db, deviceId, ct);
        var (pin, name) = await PersonAsync(db, employeeId, ct);
        return await QueueAsync(db, device, MachineCommandKind.PutUser, AdmsCommandText.PutUser(pin, name), $"PIN {pin} — {AdmsCommandText.CleanName(name)}", employeeId, ct);
    }

    /// <summary>Removes the employee (his machine PIN, or NIP) from the machine.</summary>
    public async Task<int> RemoveUserAsync(Guid deviceId, int employeeId, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var device = await MachineAsync(db, deviceId, ct);
        var (pin, name) = await PersonAsync(db, employeeId, ct);
        return await QueueAsync(db, device, MachineCommandKind.RemoveUser, AdmsCommandText.RemoveUser(pin), $"PIN {pin} — {AdmsCommandText.CleanName(name)}", employeeId, ct);
    }

    /// <summary>Sets the machine's clock to the server's WITA time, read when the command is handed out.</summary>
    public async Task<int> SetClockAsync(Guid deviceId, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var device = await MachineAsync(db, deviceId, ct);
        return await QueueAsync(db, device, MachineCommandKind.SetClock, "SET OPTION DateTime", $"Jam server ({clock.ZoneAbbreviation})", null, ct);
    }

    /// <summary>Asks the machine to send again its punches of a range of local dates (after an outage).</summary>
    public async Task<int> FetchLogsAsync(Guid deviceId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var device = await MachineAsync(db, deviceId, ct);
        var errors = new Dictionary<string, string>();
        if (to < from)
        {
            errors["To"] = "Tanggal akhir tidak boleh sebelum tanggal awal.";
        }
        else if (to.DayNumber - from.DayNumber + 1 > options.Value.FetchMaxDays)
        {
            errors["To"] = $"Rentang paling panjang {options.Value.FetchMaxDays} hari.";
        }
        if (to > clock.Today)
        {
            errors["To"] = "Tanggal akhir tidak boleh melewati hari ini.";
        }
        if (errors.Count > 0)
        {
            throw new ValidationException("Rentang tanggal tidak valid: " + string.Join(" ", errors.Values), errors);
        }
        return await QueueAsync(db, device, MachineCommandKind.FetchLogs, AdmsCommandText.FetchLogs(from, to),
            $"{from:dd/MM/yyyy}–{to:dd/MM/yyyy}", null, ct);
    }

    public async Task<int> RebootAsync(Guid deviceId, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var device = await MachineAsync(db, deviceId, ct);
        return await QueueAsync(db, device, MachineCommandKind.Reboot, AdmsCommandText.Reboot, "Nyalakan ulang", null, ct);
    }

    /// <summary>Asks for the user and punch counts and the firmware, shown on the machine page.</summary>
    public async Task<int> InfoAsync(Guid deviceId, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var device = await MachineAsync(db, deviceId, ct);
        return await QueueAsync(db, device, MachineCommandKind.Info, AdmsCommandText.Info, "Info mesin", null, ct);
    }

    /// <summary>
    /// Queues a failed command again, as a new command with its own number (the failed one stays in the history): a
    /// user command with the employee's PIN and name as they are now, a clock setting with the time when it is handed out.
    /// </summary>
    public async Task<int> QueueAgainAsync(int commandId, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var failed = await db.MachineCommands.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commandId, ct)
            ?? throw new NotFoundException("Perintah tidak ditemukan.");
        if (failed.State != MachineCommandState.Gagal)
        {
            throw new ValidationException("Hanya perintah yang gagal yang dapat diantrekan lagi.");
        }
        return failed.Kind switch
        {
            MachineCommandKind.PutUser when failed.EmployeeId is int employee => await PutUserAsync(failed.DeviceId, employee, ct),
            MachineCommandKind.RemoveUser when failed.EmployeeId is int employee => await RemoveUserAsync(failed.DeviceId, employee, ct),
            MachineCommandKind.SetClock => await SetClockAsync(failed.DeviceId, ct),
            _ => await QueueAsync(db, await MachineAsync(db, failed.DeviceId, ct), failed.Kind, failed.Text, failed.Subject, failed.EmployeeId, ct),
        };
    }

    private async Task<PortalDbContext> OpenAsync(CancellationToken ct)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        return await dbFactory.CreateDbContextAsync(ct);
    }

    private async Task<int> QueueAsync(PortalDbContext db, AttendanceDevice device, MachineCommandKind kind, string text, string subject, int? employeeId, CancellationToken ct)
    {
        var waiting = await db.MachineCommands
            .Where(c => c.DeviceId == device.Id && c.State == MachineCommandState.Antre && c.Kind == kind && c.Text == text)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (waiting is int same)
        {
            return same;
        }
        var command = new MachineCommand
        {
            DeviceId = device.Id,
            Kind = kind,
            Text = text,
            Subject = subject,
            EmployeeId = employeeId,
            State = MachineCommandState.Antre,
            QueuedUtc = clock.UtcNow,
            QueuedBy = currentUser.UserName,
        };
        db.MachineCommands.Add(command);
        audit.Add(db, "attendance.machine-command.queued", device.SerialNumber, $"{MachineCommandLabels.Of(kind)}: {subject}");
        await db.SaveChangesAsync(ct);
        return command.Id;
    }

    /// <summary>Only an approved, active machine takes commands: one waiting or revoked would never poll for them.</summary>
    private static async Task<AttendanceDevice> MachineAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        var device = await db.AttendanceDevices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Kind == DeviceKind.Adms, ct)
            ?? throw new NotFoundException("Mesin tidak ditemukan.");
        return device.IsActive && device.Approval == MachineApproval.Disetujui ? device
            : throw new ValidationException("Mesin ini belum disetujui, diblokir atau dicabut: perintah tidak dapat dikirim.");
    }

    /// <summary>The PIN the machine knows the employee by (his machine PIN, else his NIP) and his name.</summary>
    private static async Task<(string Pin, string Name)> PersonAsync(PortalDbContext db, int employeeId, CancellationToken ct)
    {
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => new { e.Name, e.Nip }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Pegawai tidak ditemukan.");
        var pin = await db.EmployeePins.Where(p => p.EmployeeId == employeeId).OrderBy(p => p.Id).Select(p => p.Pin).FirstOrDefaultAsync(ct) ?? employee.Nip;
        if (string.IsNullOrWhiteSpace(pin))
        {
            throw new ValidationException("Pegawai ini belum punya NIP atau PIN mesin. Isi PIN mesinnya dulu di halaman Perangkat.");
        }
        if (pin.Length > AdmsCommandText.MaxPinLength || !pin.All(char.IsAsciiLetterOrDigit))
        {
            throw new ValidationException($"PIN {pin} tidak dapat dipakai mesin (paling banyak {AdmsCommandText.MaxPinLength} huruf atau angka).");
        }
        return (pin, employee.Name);
    }
}
