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
            await RunAsync($"{sudo}apt-get update -qq && {sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {list}");
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

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
