using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>Check-in from the field (section "FieldCheckIn" of appsettings.json); the rules are in docs/domain/field.md.</summary>
public sealed class FieldCheckInOptions
{
    public const string Section = "FieldCheckIn";

    /// <summary>A fix less precise than this (the browser's accuracy, metres) is refused: ask again in the open.</summary>
    [Range(10, 5000)]
    public int MaxAccuracyMetres { get; set; } = 200;

    /// <summary>The radius around a DL destination when its setter gives none, in metres.</summary>
    [Range(25, 50_000)]
    public int DutyRadiusMetres { get; set; } = 500;

    /// <summary>A move between two field punches faster than this (km/h, straight line) is flagged.</summary>
    [Range(10, 2000)]
    public int MaxSpeedKmh { get; set; } = 200;

    /// <summary>How far back earlier field punches are compared for repeated coordinates and speed, in days.</summary>
    [Range(1, 366)]
    public int HistoryDays { get; set; } = 30;

    /// <summary>The largest live photo accepted, in bytes (the page sends a JPEG of at most 640 px, typically 30–80 KB).</summary>
    [Range(10_000, 5_000_000)]
    public int MaxPhotoBytes { get; set; } = 512_000;

    /// <summary>A stored photo that no field punch names is removed once it is older than this (hours, office clock).</summary>
    [Range(1, 720)]
    public int OrphanPhotoHours { get; set; } = 24;

    /// <summary>How often the photos no punch names are looked for (minutes).</summary>
    [Range(5, 1440)]
    public int PhotoSweepEveryMinutes { get; set; } = 60;
}
