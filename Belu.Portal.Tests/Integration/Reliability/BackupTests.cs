using System.Diagnostics;
using System.Text;
using Belu.Portal.Common.Files;
using Belu.Portal.Data.Backup;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Reliability;

[Trait("Category", "Process")]
public sealed class BackupTests : IDisposable
{
    private readonly string _backups = Path.Combine(Path.GetTempPath(), "belu-backup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ABackupTakenWhileWritingRestoresEveryCommittedRowAndFile()
    {
        await using var source = new PortalFactory();
        var store = source.Services.GetRequiredService<FileStore>();
        var scan = await store.SaveAsync(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7 scan surat masuk\n%%EOF")), "scan.pdf", [FileKind.Pdf]);

        // Writers keep committing while the backup runs; the snapshot must be consistent, not torn.
        using var stop = new CancellationTokenSource();
        var writing = new TaskCompletionSource();
        var writer = Task.Run(async () =>
        {
            var unitId = (await source.CreateDbContext().Units.FirstAsync(u => u.Code == "DINSOS-02")).Id;
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var db = source.CreateDbContext();
                db.Employees.Add(new Employee { Name = $"Penulis {i++}", Position = "Staf", UnitId = unitId, EmploymentType = EmploymentType.NonAsn });
                await db.SaveChangesAsync();
                writing.TrySetResult();
            }
            return i;
        });
        await writing.Task;
        var folder = Path.Combine(_backups, "cadangan-1");
        var manifest = await source.Services.CreateScope().ServiceProvider.GetRequiredService<BackupService>().BackupAsync(folder);
        await stop.CancelAsync();
        var written = await writer;

        var stored = Directory.EnumerateFiles(source.StorageRoot, "*", SearchOption.AllDirectories)
            .Count(f => !Path.GetRelativePath(source.StorageRoot, f).StartsWith("incoming", StringComparison.Ordinal));
        Assert.Equal(stored, manifest.StoredFiles);
        int employeesInBackup;
        await using (var snapshot = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, BackupService.DatabaseFile)};Pooling=False"))
        {
            await snapshot.OpenAsync();
            await using var integrity = snapshot.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string)(await integrity.ExecuteScalarAsync())!);
            await using var count = snapshot.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Employees";
            employeesInBackup = Convert.ToInt32(await count.ExecuteScalarAsync());
        }
        Assert.True(written > 0);

        await using var target = new EmptyPortalFactory();
        await target.Services.CreateScope().ServiceProvider.GetRequiredService<BackupService>().RestoreAsync(folder);
        await using (var db = target.CreateDbContext())
        {
            Assert.Equal(employeesInBackup, await db.Employees.CountAsync());
            Assert.True(await db.Users.AnyAsync(u => u.UserName == "pimpinan"));
        }
        await using var restored = target.Services.GetRequiredService<FileStore>().OpenRead(scan.StorageKey);
        using var bytes = new MemoryStream();
        await restored.CopyToAsync(bytes);
        Assert.Equal("%PDF-1.7 scan surat masuk\n%%EOF", Encoding.ASCII.GetString(bytes.ToArray()));
    }

    [Fact]
    public async Task TheDocumentedBackupCommandWorksAgainstARunningPortal()
    {
        await using var portal = new PortalFactory();
        _ = portal.Services;
        var folder = Path.Combine(_backups, "cadangan-cli");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Belu.Portal.dll"), "backup", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={portal.DatabasePath}";
        start.Environment["Storage__Root"] = portal.StorageRoot;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
        Assert.Contains("Cadangan selesai", output);
        Assert.True(File.Exists(Path.Combine(folder, BackupService.DatabaseFile)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_backups))
        {
            Directory.Delete(_backups, true);
        }
    }
}
