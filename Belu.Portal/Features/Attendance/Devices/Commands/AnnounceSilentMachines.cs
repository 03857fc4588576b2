using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Devices.Commands;

/// <summary>
/// Announces each approved machine silent for <see cref="AdmsOptions.SilentMinutes"/> inside today's working hours
/// (its site's schedule, WITA; none on a holiday), once per silence: a ticker line on the board of Diskominfo, which
/// keeps the machines, and an alert on the admin's device pages. See <see cref="MachineWatchRules.SilentInWorkingHours"/>.
/// </summary>
public sealed class AnnounceSilentMachines(
    IDbContextFactory<PortalDbContext> dbFactory, OfficeClock clock, AttendanceEngine engine, Announcer announcer, IOptions<AdmsOptions> options)
{
    /// <returns>How many machines were announced.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var machines = await db.AttendanceDevices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.Adms && d.IsActive && d.Approval == MachineApproval.Disetujui)
            .Select(d => new { d.Id, d.Name, d.UnitId, d.LastSeenUtc }).ToListAsync(ct);
        if (machines.Count == 0)
        {
            return 0;
        }
        var now = clock.UtcNow;
        var today = clock.Today;
        var dayStartUtc = clock.DayBoundsUtc(today).StartUtc;
        var book = await engine.LoadBookAsync(db, today, today, ct);
        var holiday = book.HolidayOn(today) is not null;
        var limit = TimeSpan.FromMinutes(options.Value.SilentMinutes);
        var board = await db.Units.AsNoTracking().Where(u => u.Code == MachineAlertLine.KominfoCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var silences = new List<(Guid Id, string Name, int Minutes, DateTime Began)>();
        foreach (var machine in machines)
        {
            var schedule = holiday ? null : book.ScheduleOf(machine.UnitId ?? 0, today);
            var lastSeenLocal = machine.LastSeenUtc is DateTime seen ? clock.ToLocal(seen) : (DateTime?)null;
            if (MachineWatchRules.SilentInWorkingHours(clock.LocalNow, lastSeenLocal, schedule) is not { } silent || silent < limit)
            {
                continue;
            }
            var status = await MachineCommandDesk.StatusAsync(dbFactory, db, machine.Id, ct);
            var silenceBegan = machine.LastSeenUtc is DateTime last && last > dayStartUtc ? last : dayStartUtc;
            if (status.SilentAnnouncedUtc < silenceBegan || status.SilentAnnouncedUtc is null)
            {
                silences.Add((machine.Id, machine.Name, (int)silent.TotalMinutes, silenceBegan));
            }
        }
        if (silences.Count == 0)
        {
            return 0;
        }
        // Each silence is claimed by one conditional update in the transaction that stores its announcement: when the
        // watch runs twice at once (its tick and an admin's page, or two instances), the second finds it claimed.
        var events = new List<PortalEvent>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (id, name, minutes, began) in silences)
        {
            var claimed = await db.MachineStatuses
                .Where(s => s.DeviceId == id && (s.SilentAnnouncedUtc == null || s.SilentAnnouncedUtc < began))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SilentAnnouncedUtc, now), ct);
            if (claimed == 1)
            {
                events.Add(new MachineSilentEvent(id, name, minutes) { AtUtc = now, UnitId = board });
            }
        }
        if (events.Count > 0)
        {
            await announcer.SaveAndAnnounceAsync(db, transaction, events, ct);
        }
        return events.Count;
    }
}
