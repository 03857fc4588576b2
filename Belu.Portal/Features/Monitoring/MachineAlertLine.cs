using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Devices.Commands;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Monitoring;

/// <summary>
/// One quiet line on the wall board about fingerprint machines that need an admin (an SN used from elsewhere, a burst of
/// backdated lines, a machine gone silent). Machines are Kominfo's to look after, so only a regency-wide board or one
/// that watches Diskominfo shows it; it names no machine and no address, only how many alerts wait on the device page.
/// </summary>
public sealed class MachineAlertLine(IDbContextFactory<PortalDbContext> dbFactory, OfficeClock clock, IOptions<AdmsOptions> adms)
{
    /// <summary>The OPD that administers machines (Diskominfo in the demo organisation and in Belu).</summary>
    public const string KominfoCode = "DISKOMINFO";

    /// <summary>The line for this board, or null when it shows none (another OPD's board, or nothing to report).</summary>
    public async Task<string?> ForAsync(BoardScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!scope.IsRegency)
        {
            var kominfo = await db.Units.AsNoTracking().Where(u => u.Code == KominfoCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (kominfo is not int id || !scope.OpdIds!.Contains(id))
            {
                return null;
            }
        }
        var serious = (await MachineQueries.ReadAlertsAsync(db, clock, TimeSpan.FromSeconds(adms.Value.ClockDriftAlertSeconds), ct)).Count(a => a.Serious);
        return serious == 0 ? null : $"Mesin absensi: {serious} peringatan menunggu pemeriksaan admin (Perangkat Absensi).";
    }
}
