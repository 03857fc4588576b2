namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// When each device's "last seen" was last written. A machine or bridge may send several requests a second; writing
/// <see cref="AttendanceDevice.LastSeenUtc"/> on each would be a second write transaction per punch for SQLite's single
/// writer, for a value the admin reads to the minute. It is written at most every <see cref="Interval"/>.
/// </summary>
public sealed class DeviceLastSeen
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTime> _written = new();

    public bool ShouldWrite(Guid deviceId, DateTime nowUtc)
    {
        while (true)
        {
            if (!_written.TryGetValue(deviceId, out var last))
            {
                if (_written.TryAdd(deviceId, nowUtc))
                {
                    return true;
                }
                continue;
            }
            if (nowUtc >= last && nowUtc - last < Interval)
            {
                return false;
            }
            if (_written.TryUpdate(deviceId, nowUtc, last))
            {
                return true;
            }
        }
    }
}
