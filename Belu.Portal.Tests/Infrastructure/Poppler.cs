using System.Diagnostics;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// Debian's poppler-utils: pdftotext proves a PDF holds real text, pdfsig checks its signature as a reader would.
/// Installed from the distribution's packages when missing, the way the browser tests install Chromium.
/// </summary>
public static class Poppler
{
    public static Task EnsureInstalledAsync() => Packages.EnsureAsync("/usr/bin/pdfsig", "poppler-utils");

    /// <summary>The PDF's text in reading order (-layout off), as a reader's copy-and-paste would give it.</summary>
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var file = await WriteAsync(pdf);
        var (output, errors) = await RunAsync("/usr/bin/pdftotext", [file, "-"]);
        // Poppler reads past damage and says so only on stderr: a PDF it complains about is a broken PDF.
        return errors.Length == 0 ? output : throw new InvalidOperationException($"pdftotext found errors in {file}: {errors}");
    }

    /// <summary>pdfsig's report. It exits 0 whether the signature holds or not: read "Signature is Valid." or "Digest Mismatch." in it.</summary>
    public static async Task<string> SignatureReportAsync(byte[] pdf)
    {
        var file = await WriteAsync(pdf);
        var (output, errors) = await RunAsync("/usr/bin/pdfsig", [file]);
        return output + errors;
    }

    private static async Task<string> WriteAsync(byte[] pdf)
    {
        await EnsureInstalledAsync();
        var folder = Path.Combine(Path.GetTempPath(), "belu-portal-tests", "pdf");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        return file;
    }

    private static async Task<(string Output, string Errors)> RunAsync(string program, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (await output, await error);
    }
}
