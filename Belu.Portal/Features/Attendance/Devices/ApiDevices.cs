using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// The device API's side of a request before its punches are checked: which device the key belongs to, and that it
/// was seen (written at most every <see cref="DeviceLastSeen.Interval"/>).
/// </summary>
public sealed class ApiDevices(IDbContextFactory<PortalDbContext> dbFactory, OfficeClock clock, DeviceLastSeen lastSeen)
{
    /// <summary>The active API device holding this key, or null (missing, forged or revoked).</summary>
    public async Task<AttendanceDevice?> FindByKeyAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return null;
        }
        var hash = DeviceIngestService.HashKey(key.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DeviceByKey.For(db)(db, hash, ct);
    }

    // A compiled query: a bridge sends many requests a second, and EF's building and looking up of each LINQ query
    // cost more than the query itself.
    private static readonly PerModel<Func<PortalDbContext, string, CancellationToken, Task<AttendanceDevice?>>> DeviceByKey = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, string hash, CancellationToken ct) => db.AttendanceDevices.AsNoTracking()
            .FirstOrDefault(d => d.KeyHash == hash && d.IsActive && d.Kind == DeviceKind.Api)));

    public async Task TouchAsync(Guid deviceId, CancellationToken ct = default)
    {
        if (!lastSeen.ShouldWrite(deviceId, clock.UtcNow))
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.AttendanceDevices.Where(d => d.Id == deviceId).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeenUtc, clock.UtcNow), ct);
    }
}
