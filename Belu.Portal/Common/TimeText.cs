namespace Belu.Portal.Common;

/// <summary>
/// One notation for a time of day on every screen, message and report: 07:30, as machines, schedules and the Excel
/// reports write it. The quoted colon is a literal, so id-ID's own separator (a dot, "07.30") never slips in.
/// </summary>
public static class TimeText
{
    public const string Minutes = "HH':'mm";

    public const string Seconds = "HH':'mm':'ss";
}
