using System.Globalization;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// The day the whole suite lives on. Every portal the tests start (in process or as its own process) begins its
/// clock at <see cref="Start"/> and runs on from there at the real pace, so no test depends on the day it runs.
/// <c>BELU_TEST_NOW</c> (an ISO instant with offset, e.g. <c>2026-12-01T07:00:00+08:00</c>) moves the whole suite to
/// another day, to prove it at a month's edge or on a holiday.
/// </summary>
public static class TestClock
{
    /// <summary>Wednesday 25 November 2026, 09:00 WITA: an ordinary working day, well after the check-in window opens.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly DateTimeOffset Start = FromEnvironment() ?? DefaultStart;

    public static readonly TimeSpan Wita = TimeSpan.FromHours(8);

    /// <summary>The office's date (WITA) on which the suite starts.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Start.ToOffset(Wita).DateTime);

    /// <summary>The setting that starts a portal's clock at <see cref="Start"/>.</summary>
    public static string Setting => Start.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("BELU_TEST_NOW");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}
