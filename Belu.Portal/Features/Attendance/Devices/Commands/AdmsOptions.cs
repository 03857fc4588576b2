using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Features.Attendance.Devices.Commands;

/// <summary>Settings of the machines under management (section <c>Adms</c>; defaults in appsettings.json, README "ADMS").</summary>
public sealed class AdmsOptions
{
    public const string Section = "Adms";

    /// <summary>Commands handed out on one poll at most; the rest wait for the next.</summary>
    [Range(1, 100)]
    public int CommandsPerPoll { get; set; } = 10;

    /// <summary>A machine's clock off by more than this (either way) is an alert.</summary>
    [Range(10, 3600)]
    public int ClockDriftAlertSeconds { get; set; } = 120;

    /// <summary>An approved machine not heard from for this long inside working hours is announced as silent.</summary>
    [Range(5, 600)]
    public int SilentMinutes { get; set; } = 30;

    /// <summary>How often the silent-machine watch looks.</summary>
    [Range(1, 60)]
    public int WatchEveryMinutes { get; set; } = 5;

    /// <summary>
    /// A command handed out (Terkirim) that the machine has not answered on <c>/iclock/devicecmd</c> after this many
    /// minutes is failed as unanswered (it lost power, or its firmware ignores the command); the admin may queue it again.
    /// </summary>
    [Range(2, 1440)]
    public int CommandAnswerMinutes { get; set; } = 30;

    /// <summary>The longest date range one log fetch may ask for.</summary>
    [Range(1, 62)]
    public int FetchMaxDays { get; set; } = 31;
}
