namespace Belu.Portal.Data.Backup;

/// <summary>
/// Operator commands run instead of the web server:
/// <c>dotnet run --project Belu.Portal -- backup [folder]</c> (while the portal runs) and
/// <c>dotnet run --project Belu.Portal -- restore &lt;folder&gt;</c> (with the portal stopped).
/// </summary>
public static class BackupCommands
{
    /// <summary>Runs a command named on the command line; false when there is none and the portal should start.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] is not ("backup" or "restore"))
        {
            return false;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var backups = scope.ServiceProvider.GetRequiredService<BackupService>();
        var clock = scope.ServiceProvider.GetRequiredService<Common.OfficeClock>();
        try
        {
            if (args[0] == "backup")
            {
                var folder = args.Length > 1 ? args[1] : Path.Combine("backups", clock.LocalNow.ToString("yyyy-MM-dd'_'HHmmss", System.Globalization.CultureInfo.InvariantCulture));
                var manifest = await backups.BackupAsync(folder);
                Console.WriteLine($"Cadangan selesai: {Path.GetFullPath(folder)} (basis data {manifest.DatabaseBytes:N0} byte, {manifest.StoredFiles} berkas).");
            }
            else
            {
                if (args.Length < 2)
                {
                    Console.Error.WriteLine("Gunakan: restore <folder-cadangan>");
                    Environment.ExitCode = 2;
                    return true;
                }
                await backups.RestoreAsync(args[1]);
                Console.WriteLine($"Cadangan {args[1]} dipulihkan. Jalankan portal kembali.");
            }
        }
        catch (Common.ValidationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Environment.ExitCode = 1;
        }
        return true;
    }
}
