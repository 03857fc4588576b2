using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// The punch writer's rule for machine lines: a line for a day the daily close has already passed never rewrites that
/// day. It is kept as a <see cref="MachineLine"/> waiting for an admin (koreksi dari mesin), in the same transaction as
/// the batch's punches, so a machine's acknowledged line is never lost. A resent line is parked once.
/// </summary>
internal sealed class ClosedDayParking
{
    private static readonly ClosedDayParking None = new(null, []);

    private readonly DateOnly? _lastClosed;
    private readonly HashSet<(int EmployeeId, DateTime AtUtc)> _known;

    private ClosedDayParking(DateOnly? lastClosed, HashSet<(int, DateTime)> known)
    {
        _lastClosed = lastClosed;
        _known = known;
    }

    public int Added { get; private set; }

    /// <summary>Reads the last closed day only when the batch holds a machine line dated before today (a web rush never does).</summary>
    public static async Task<ClosedDayParking> LoadAsync(PortalDbContext db, IReadOnlyList<PunchSubmission> submissions, OfficeClock clock, DateOnly today,
        CancellationToken ct)
    {
        var older = submissions.Where(s => s.ReviewIfClosed && PunchRules.LocalDate(s.AtUtc, clock.TimeZone) < today).ToList();
        if (older.Count == 0 || await AttendanceEngine.LastClosedDayAsync(db, ct) is not DateOnly closed)
        {
            return None;
        }
        var (_, closedEnd) = clock.DayBoundsUtc(closed);
        var candidates = older.Where(s => s.AtUtc < closedEnd).ToList();
        if (candidates.Count == 0)
        {
            return new ClosedDayParking(closed, []);
        }
        var ids = candidates.Select(s => s.EmployeeId).Distinct().ToList();
        var from = candidates.Min(s => s.AtUtc);
        var to = candidates.Max(s => s.AtUtc);
        var known = await db.MachineLines.AsNoTracking()
            .Where(l => l.EmployeeId != null && ids.Contains(l.EmployeeId.Value) && l.AtUtc >= from && l.AtUtc <= to && l.Status != MachineLineStatus.Ditolak)
            .Select(l => new { EmployeeId = l.EmployeeId!.Value, AtUtc = l.AtUtc!.Value })
            .ToListAsync(ct);
        return new ClosedDayParking(closed, known.Select(k => (k.EmployeeId, k.AtUtc)).ToHashSet());
    }

    public bool Applies(PunchSubmission submission, DateOnly date) =>
        submission.ReviewIfClosed && submission.DeviceId is not null && _lastClosed is DateOnly closed && date <= closed;

    /// <summary>Parks the line; false when the same line is already parked (or was decided).</summary>
    public bool Park(PortalDbContext db, PunchSubmission submission, DateOnly date, DateTime nowUtc)
    {
        if (!_known.Add((submission.EmployeeId, submission.AtUtc)))
        {
            return false;
        }
        db.MachineLines.Add(new MachineLine
        {
            DeviceId = submission.DeviceId!.Value,
            Source = submission.Source,
            ReceivedUtc = nowUtc,
            Pin = submission.Pin,
            EmployeeId = submission.EmployeeId,
            AtUtc = submission.AtUtc,
            Status = MachineLineStatus.Menunggu,
            Reason = $"Hari {date:dd-MM-yyyy} sudah ditutup; menunggu persetujuan admin (koreksi dari mesin).",
            Address = submission.IpAddress,
        });
        Added++;
        return true;
    }
}
