using Belu.Portal.Common;
using Belu.Portal.Components.Shared;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Devices.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>A machine line as the admin reads it.</summary>
public sealed record MachineLineRow(
    Guid Id, Guid DeviceId, string DeviceName, string? Serial, DateTime ReceivedUtc, string? Pin, string? EmployeeName, DateTime? AtUtc,
    MachineLineStatus Status, string Reason, string? Address, string? DecidedBy, string? DecisionNote);

/// <summary>Something about a machine the admin should look at, in Bahasa Indonesia.</summary>
public sealed record MachineAlert(Guid DeviceId, string DeviceName, string? Serial, MachineEventKind? Kind, string Text, DateTime AtUtc, bool Serious);

/// <summary>What the admin reads about machines: their refused and parked lines, and the alerts. Nothing here writes.</summary>
public sealed class MachineQueries(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, OfficeClock clock, IOptions<AdmsOptions> adms)
{
    /// <summary>Alerts of the last this many days are shown.</summary>
    public const int AlertDays = 7;

    /// <summary>The lines of one machine, newest first (or, without a machine, the lines waiting for review of all).</summary>
    public async Task<IReadOnlyList<MachineLineRow>> LinesAsync(Guid? deviceId, bool waitingOnly = false, int take = 500, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.MachineLines.AsNoTracking();
        if (deviceId is Guid id)
        {
            query = query.Where(l => l.DeviceId == id);
        }
        if (waitingOnly)
        {
            query = query.Where(l => l.Status == MachineLineStatus.Menunggu);
        }
        var rows = await query.OrderByDescending(l => l.ReceivedUtc).ThenByDescending(l => l.Id).Take(Math.Clamp(take, 1, 2000))
            .Join(db.AttendanceDevices, l => l.DeviceId, d => d.Id, (l, d) => new { Line = l, d.Name, d.SerialNumber })
            .GroupJoin(db.Employees, x => x.Line.EmployeeId, e => e.Id, (x, e) => new { x.Line, x.Name, x.SerialNumber, Employees = e })
            .SelectMany(x => x.Employees.DefaultIfEmpty(), (x, e) => new MachineLineRow(
                x.Line.Id, x.Line.DeviceId, x.Name, x.SerialNumber, x.Line.ReceivedUtc, x.Line.Pin, e == null ? null : e.Name, x.Line.AtUtc,
                x.Line.Status, x.Line.Reason, x.Line.Address, x.Line.DecidedBy, x.Line.DecisionNote))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.ReceivedUtc).ThenByDescending(r => r.Id).ToList();
    }

    /// <summary>How many machine lines wait for review.</summary>
    public async Task<int> WaitingCountAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MachineLines.CountAsync(l => l.Status == MachineLineStatus.Menunggu, ct);
    }

    /// <summary>The alerts of the last <see cref="AlertDays"/> days, newest first, and the machines silent for a working day.</summary>
    public async Task<IReadOnlyList<MachineAlert>> AlertsAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAlertsAsync(db, clock, TimeSpan.FromSeconds(adms.Value.ClockDriftAlertSeconds), ct);
    }

    /// <param name="driftLimit">A machine clock off by more than this is an alert (<see cref="AdmsOptions.ClockDriftAlertSeconds"/>).</param>
    internal static async Task<List<MachineAlert>> ReadAlertsAsync(PortalDbContext db, OfficeClock clock, TimeSpan driftLimit, CancellationToken ct)
    {
        var since = clock.UtcNow.AddDays(-AlertDays);
        var events = await db.MachineEvents.AsNoTracking().Where(e => e.LastUtc >= since)
            .Join(db.AttendanceDevices, e => e.DeviceId, d => d.Id, (e, d) => new { Event = e, d.Name, d.SerialNumber })
            .ToListAsync(ct);
        var alerts = events.Select(x => new MachineAlert(x.Event.DeviceId, x.Name, x.SerialNumber, x.Event.Kind, Describe(x.Event), x.Event.LastUtc,
            x.Event.Kind is MachineEventKind.DiLuarJaringan or MachineEventKind.LonjakanMundur or MachineEventKind.Diblokir)).ToList();
        var silentBefore = SilentSince(clock);
        var silent = await db.AttendanceDevices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.Adms && d.IsActive && d.Approval == MachineApproval.Disetujui && (d.LastSeenUtc == null || d.LastSeenUtc < silentBefore))
            .Select(d => new { d.Id, d.Name, d.SerialNumber, d.LastSeenUtc })
            .ToListAsync(ct);
        alerts.AddRange(silent.Select(d => new MachineAlert(d.Id, d.Name, d.SerialNumber, null,
            d.LastSeenUtc is DateTime seen ? $"Tidak terhubung sejak {clock.FormatDateTime(seen)} (lebih dari satu hari kerja)." : "Belum pernah terhubung sejak disetujui.",
            d.LastSeenUtc ?? DateTime.MinValue, true)));
        alerts.AddRange(await WatchAlertsAsync(db, clock, driftLimit, silent.Select(d => d.Id).ToHashSet(), ct));
        return alerts.OrderByDescending(a => a.AtUtc).ToList();
    }

    /// <summary>
    /// The watch kept by <see cref="MachineCommandDesk"/> and <see cref="AnnounceSilentMachines"/>: a clock off by more
    /// than the limit, and a silence announced in working hours that no request has ended yet (machines already listed
    /// as silent for a working day are not listed twice).
    /// </summary>
    private static async Task<List<MachineAlert>> WatchAlertsAsync(PortalDbContext db, OfficeClock clock, TimeSpan driftLimit, HashSet<Guid> listed, CancellationToken ct)
    {
        var limit = (int)driftLimit.TotalSeconds;
        var rows = await db.MachineStatuses.AsNoTracking()
            .Join(db.AttendanceDevices.Where(d => d.Kind == DeviceKind.Adms && d.IsActive && d.Approval == MachineApproval.Disetujui),
                s => s.DeviceId, d => d.Id, (s, d) => new { Status = s, d.Name, d.SerialNumber, d.LastSeenUtc })
            .Where(x => x.Status.ClockDriftSeconds > limit || x.Status.ClockDriftSeconds < -limit || x.Status.SilentAnnouncedUtc != null)
            .ToListAsync(ct);
        var alerts = new List<MachineAlert>();
        foreach (var x in rows)
        {
            if (x.Status.ClockDriftSeconds is int drift && Math.Abs(drift) > limit)
            {
                var way = drift > 0 ? "lebih cepat" : "lebih lambat";
                alerts.Add(new MachineAlert(x.Status.DeviceId, x.Name, x.SerialNumber, null,
                    $"Jam mesin {way} sekitar {Math.Abs(drift) / 60} menit {Math.Abs(drift) % 60} detik dari jam server; setel jam mesin.",
                    x.Status.ClockReadUtc ?? DateTime.MinValue, true));
            }
            if (x.Status.SilentAnnouncedUtc is DateTime announced && announced > (x.LastSeenUtc ?? DateTime.MinValue) && !listed.Contains(x.Status.DeviceId))
            {
                alerts.Add(new MachineAlert(x.Status.DeviceId, x.Name, x.SerialNumber, null,
                    x.LastSeenUtc is DateTime seen ? $"Tidak terhubung pada jam kerja sejak {clock.FormatDateTime(seen)}." : "Tidak terhubung pada jam kerja.",
                    announced, true));
            }
        }
        return alerts;
    }

    /// <summary>
    /// A machine is silent when it has not been heard from since the start of the last working day (Monday to Friday)
    /// before today: a machine switched off over the weekend is not an alert on Monday morning, one off since Friday
    /// morning is.
    /// </summary>
    internal static DateTime SilentSince(OfficeClock clock)
    {
        var day = clock.Today.AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }
        return clock.DayBoundsUtc(day).StartUtc;
    }

    private static string Describe(MachineEvent e)
    {
        var times = e.Count > 1 ? $" ({e.Count} kali)" : "";
        var lines = e.Lines > 0 ? $", {e.Lines} baris" : "";
        return e.Kind switch
        {
            MachineEventKind.KontakPertama => $"Mesin baru menghubungi portal dari {e.Address}; menunggu persetujuan.",
            MachineEventKind.BelumDisetujui => $"Kiriman dari mesin yang belum disetujui ditolak{times}{lines}, dari {e.Address}.",
            MachineEventKind.Diblokir => $"Permintaan dari mesin yang diblokir/dicabut ditolak{times}{lines}, dari {e.Address}.",
            MachineEventKind.DiLuarJaringan => $"Nomor seri ini dipakai dari alamat baru di luar jaringannya: {e.Address}; ditolak{times}{lines}.",
            MachineEventKind.AlamatBaru => $"Mesin terhubung dari alamat baru {e.Address} (masih dalam jaringannya).",
            MachineEventKind.LonjakanMundur => $"{e.Lines} baris untuk hari yang sudah ditutup dalam kiriman{times}; menunggu koreksi.",
            _ => e.Kind.ToString(),
        };
    }
}
