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
        var events = new List<PortalEvent>();
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
            if (status.SilentAnnouncedUtc >= silenceBegan)
            {
                continue;
            }
            status.SilentAnnouncedUtc = now;
            events.Add(new MachineSilentEvent(machine.Id, machine.Name, (int)silent.TotalMinutes) { AtUtc = now, UnitId = board });
        }
        if (events.Count > 0)
        {
            await announcer.SaveAndAnnounceAsync(db, null, events, ct);
        }
        return events.Count;
    }
}
