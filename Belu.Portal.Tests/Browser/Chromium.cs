namespace Belu.Portal.Tests.Browser;

/// <summary>
/// Debian's Chromium, installed from the distribution's packages when missing. Browsers are never downloaded
/// by Playwright: the tests drive the system Chromium through its executable path.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
    ];

    public static Task EnsureInstalledAsync() => Infrastructure.Packages.EnsureAsync(ExecutablePath, "chromium");
}
