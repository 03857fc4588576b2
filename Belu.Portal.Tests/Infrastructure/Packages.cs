using System.Diagnostics;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>Installs Debian packages the tests need (Chromium, Redis, PostgreSQL) when they are missing, never a download of our own.</summary>
public static class Packages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureAsync(string executable, params string[] packages)
    {
        if (File.Exists(executable))
        {
            return;
        }
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(executable))
            {
                return;
            }
            var sudo = Environment.UserName == "root" ? "" : "sudo -n ";
            var list = string.Join(' ', packages);
            // On a machine that has just booted, the system's own apt run (apt-daily) may hold the lock for a while:
            // wait for it rather than fail.
            const string wait = "-o DPkg::Lock::Timeout=600";
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await RunAsync($"{sudo}apt-get {wait} update -qq && {sudo}env DEBIAN_FRONTEND=noninteractive apt-get {wait} install -y -qq {list}");
                    break;
                }
                catch (InvalidOperationException ex) when (ex.Message.Contains("Could not get lock", StringComparison.Ordinal) && attempt < 120)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5));
                }
            }
            if (!File.Exists(executable))
            {
                throw new InvalidOperationException($"{executable} is missing after apt-get install {list}.");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<string> RunAsync(string command)
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
        return await output;
    }

    public static int FreePort() => Belu.Portal.Processes.PortalProcess.FreePort();
}
