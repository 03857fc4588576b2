using Microsoft.Extensions.Options;

namespace Belu.Portal.Common;

/// <summary>
/// The office's wall clock: instants come from the injected <see cref="TimeProvider"/> (UTC),
/// and every working-day question is answered in the office time zone (WITA by default).
/// </summary>
public sealed class OfficeClock
{
    private readonly TimeProvider _time;

    public OfficeClock(TimeProvider time, IOptions<OfficeOptions> options)
    {
        _time = time;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Short name shown next to times, e.g. "WITA".</summary>
    public string ZoneAbbreviation => TimeZone.BaseUtcOffset switch
    {
        { TotalHours: 7 } => "WIB",
        { TotalHours: 8 } => "WITA",
        { TotalHours: 9 } => "WIT",
        var offset => $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}",
    };

    public DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    public DateTime LocalNow => ToLocal(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    /// <summary>The UTC instants bounding a local calendar day: [start, end).</summary>
    public (DateTime StartUtc, DateTime EndUtc) DayBoundsUtc(DateOnly day) =>
        (ToUtc(day.ToDateTime(TimeOnly.MinValue)), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>"Selamat pagi/siang/sore/malam", by the office's local hour.</summary>
    public string Greeting() => LocalNow.Hour switch
    {
        < 4 => "Selamat malam",
        < 11 => "Selamat pagi",
        < 15 => "Selamat siang",
        < 18 => "Selamat sore",
        _ => "Selamat malam",
    };
}
