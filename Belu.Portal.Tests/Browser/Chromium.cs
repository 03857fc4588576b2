using System.Diagnostics;

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

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(ExecutablePath))
            {
                return;
            }
            var sudo = Environment.UserName == "root" ? "" : "sudo -n ";
            await RunAsync($"{sudo}apt-get update -qq && {sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException($"Chromium is not at {ExecutablePath} after apt-get install chromium.");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({process.ExitCode}): {await error}\n{await output}");
        }
    }
}
