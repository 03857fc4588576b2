using Belu.Portal.Common;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// What the admin sees of machines besides their punches: the refused lines of an upload (with their reasons) and the
/// events worth an alert. Written by the machine endpoints, never by people.
/// </summary>
public sealed class MachineJournal(IDbContextFactory<PortalDbContext> dbFactory, OfficeClock clock, AttendanceEngine engine)
{
    /// <summary>Refused lines kept per upload: the reasons of a 2 MB upload of garbage are the same few, a count says the rest.</summary>
    public const int MaxRefusedLinesPerUpload = 200;

    /// <summary>Repeats of one event kind from one address within this time are one row with a count.</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromHours(1);

    /// <summary>Keeps an upload's refused lines and, when it parked many lines for closed days, an alert.</summary>
    public async Task RecordUploadAsync(AttendanceDevice device, PunchSource source, string? address, PunchBatchResult result, CancellationToken ct = default)
    {
        var burst = result.Parked >= Math.Max(1, engine.Options.MachineBackdatedBurst);
        if (result.Errors.Count == 0 && !burst)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        foreach (var error in result.Errors.Take(MaxRefusedLinesPerUpload))
        {
            db.MachineLines.Add(new MachineLine
            {
                DeviceId = device.Id,
                Source = source,
                ReceivedUtc = now,
                Pin = Cut(error.Pin, 24),
                EmployeeId = error.EmployeeId,
                AtUtc = error.AtUtc,
                Status = MachineLineStatus.Ditolak,
                Reason = Cut($"Baris {error.Index}: {error.Reason}", 500)!,
                Address = address,
            });
        }
        if (result.Errors.Count > MaxRefusedLinesPerUpload)
        {
            db.MachineLines.Add(new MachineLine
            {
                DeviceId = device.Id, Source = source, ReceivedUtc = now, Status = MachineLineStatus.Ditolak, Address = address,
                Reason = $"Dan {result.Errors.Count - MaxRefusedLinesPerUpload} baris lain dari kiriman yang sama ditolak.",
            });
        }
        if (burst)
        {
            await AddEventAsync(db, device.Id, MachineEventKind.LonjakanMundur, address, result.Parked, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records an event, folded into the last one of its kind from the same address within <see cref="Coalesce"/>.</summary>
    public async Task RecordAsync(Guid deviceId, MachineEventKind kind, string? address, int lines = 0, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await AddEventAsync(db, deviceId, kind, address, lines, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task AddEventAsync(PortalDbContext db, Guid deviceId, MachineEventKind kind, string? address, int lines, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var since = now - Coalesce;
        var last = await db.MachineEvents
            .Where(e => e.DeviceId == deviceId && e.Kind == kind && e.Address == address && e.LastUtc >= since)
            .OrderByDescending(e => e.LastUtc).FirstOrDefaultAsync(ct);
        if (last is not null)
        {
            last.Count++;
            last.Lines += lines;
            last.LastUtc = now;
            return;
        }
        db.MachineEvents.Add(new MachineEvent { DeviceId = deviceId, Kind = kind, Address = address, FirstUtc = now, LastUtc = now, Lines = lines });
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
