using System.Diagnostics;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// Debian's LibreOffice Calc (headless), installed from the distribution's packages when missing, the way the
/// browser tests install Chromium. Used to prove that exported workbooks open in a second spreadsheet program.
/// </summary>
public static class LibreOffice
{
    public const string Executable = "/usr/bin/soffice";

    /// <summary>Installs it through <see cref="Packages"/>, whose one lock keeps two apt-get runs of the suite apart.</summary>
    public static Task EnsureInstalledAsync() => Packages.EnsureAsync(Executable, "libreoffice-calc-nogui");

    /// <summary>Converts <paramref name="file"/> with a throw-away profile; returns the converted file's path.</summary>
    public static async Task<string> ConvertAsync(string file, string filter, string extension)
    {
        await EnsureInstalledAsync();
        var folder = Path.GetDirectoryName(file)!;
        var profile = Path.Combine(folder, "lo-profile");
        await RunAsync(Executable,
            ["--headless", "--norestore", "--nologo", $"-env:UserInstallation=file://{profile}", "--convert-to", filter, "--outdir", folder, file],
            TimeSpan.FromMinutes(2));
        var converted = Path.ChangeExtension(file, extension);
        return File.Exists(converted) ? converted : throw new InvalidOperationException($"LibreOffice did not write {converted}.");
    }

    private static async Task RunAsync(string program, string[] arguments, TimeSpan limit)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {limit}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}\n{await output}");
        }
    }
}
