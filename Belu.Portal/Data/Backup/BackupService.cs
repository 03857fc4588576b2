using System.Text.Json;
using Belu.Portal.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Data.Backup;

public sealed record BackupManifest(DateTime CreatedAtUtc, string Database, long DatabaseBytes, int StoredFiles, long StoredBytes);

/// <summary>
/// A consistent online backup while the portal runs: the SQLite database through SQLite's backup API (a
/// snapshot, safe under concurrent writers), then the stored files. Files are written before the rows that
/// name them, so every file the snapshot refers to is already on disk when it is copied.
/// </summary>
public sealed class BackupService(IDbContextFactory<PortalDbContext> dbFactory, IConfiguration configuration, IOptions<StorageOptions> storage, TimeProvider time, ILogger<BackupService> logger)
{
    public const string DatabaseFile = "belu-portal.db";
    public const string StorageFolder = "storage";
    public const string ManifestFile = "manifest.json";

    private string StorageRoot => PortalConfiguration.ResolvePath(configuration, storage.Value.Root);

    public async Task<BackupManifest> BackupAsync(string folder, CancellationToken ct = default)
    {
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new ValidationException($"Folder cadangan {folder} sudah berisi berkas; pilih folder baru.");
        }
        Directory.CreateDirectory(folder);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite())
        {
            throw new ValidationException("Perintah ini mencadangkan SQLite. Untuk PostgreSQL gunakan pg_dump (lihat README).");
        }
        var target = Path.Combine(folder, DatabaseFile);
        await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
        }

        var files = 0;
        long bytes = 0;
        if (Directory.Exists(StorageRoot))
        {
            foreach (var file in Directory.EnumerateFiles(StorageRoot, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(StorageRoot, file);
                if (relative.StartsWith("incoming", StringComparison.Ordinal))
                {
                    continue;
                }
                var copy = Path.Combine(folder, StorageFolder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
                files++;
                bytes += new FileInfo(file).Length;
            }
        }

        var manifest = new BackupManifest(time.GetUtcNow().UtcDateTime, DatabaseFile, new FileInfo(target).Length, files, bytes);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }), ct);
        logger.LogInformation("Backup written to {Folder}: database {Bytes} bytes, {Files} stored files", folder, manifest.DatabaseBytes, files);
        return manifest;
    }

    /// <summary>Puts a backup back in place. The portal must be stopped: the database file is replaced.</summary>
    public async Task RestoreAsync(string folder, CancellationToken ct = default)
    {
        folder = Path.GetFullPath(folder);
        var source = Path.Combine(folder, DatabaseFile);
        if (!File.Exists(source) || !File.Exists(Path.Combine(folder, ManifestFile)))
        {
            throw new ValidationException($"{folder} bukan folder cadangan Belu.Portal (tidak ada {DatabaseFile} dan {ManifestFile}).");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        foreach (var stale in new[] { target + "-wal", target + "-shm" })
        {
            File.Delete(stale);
        }
        File.Copy(source, target, overwrite: true);

        var storedFiles = Path.Combine(folder, StorageFolder);
        if (Directory.Exists(storedFiles))
        {
            foreach (var file in Directory.EnumerateFiles(storedFiles, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(StorageRoot, Path.GetRelativePath(storedFiles, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy, overwrite: true);
            }
        }
        logger.LogInformation("Backup {Folder} restored to {Database}", folder, target);
    }
}
