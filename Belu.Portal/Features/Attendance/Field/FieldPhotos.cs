using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>
/// The live photos of field punches in the file store's folder <see cref="Folder"/> (docs/domain/field.md, "The photo").
/// A photo is stored before its punch is saved, so a punch that never commits (a duplicate, a failure, a process that
/// dies in between) would leave it named by no row: a duplicate's photo is discarded at once, and
/// <see cref="SweepAsync"/> removes any photo no row names once it is older than
/// <see cref="FieldCheckInOptions.OrphanPhotoHours"/> on the office clock (younger ones may belong to a punch being saved).
/// </summary>
public sealed class FieldPhotos(IDbContextFactory<PortalDbContext> dbFactory, FileStore files, OfficeClock clock, IOptions<FieldCheckInOptions> options,
    ILogger<FieldPhotos> logger)
{
    public const string Folder = "lapangan";

    /// <summary>Stores the photo: a JPEG by its content (never by a name), within the field limit as well as the store's.</summary>
    /// <returns>Its key in the file store.</returns>
    public async Task<string> StoreAsync(Stream photo, CancellationToken ct)
    {
        var limit = options.Value.MaxPhotoBytes;
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await photo.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new ValidationException($"Foto terlalu besar (paling banyak {limit / 1000} KB). Ambil foto lagi.");
            }
        }
        buffer.Position = 0;
        return (await files.SaveInAsync(Folder, buffer, "foto-absen-lapangan.jpg", [FileKind.Jpeg], ct)).StorageKey;
    }

    /// <summary>Removes a photo whose punch was not saved, unless a saved punch names it (the same picture sent twice).</summary>
    public async Task DiscardIfUnusedAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<FieldPunch>().AnyAsync(f => f.PhotoKey == key, ct))
        {
            files.Delete(key);
        }
    }

    /// <summary>Removes the photos no field punch names that were stored more than the configured hours ago.</summary>
    /// <returns>How many were removed.</returns>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var cutoff = clock.UtcNow.AddHours(-options.Value.OrphanPhotoHours);
        var old = files.ListFolder(Folder).Where(f => f.StoredUtc < cutoff).Select(f => f.Key).ToList();
        var removed = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var batch in old.Chunk(500))
        {
            var keys = batch.ToList();
            var named = (await db.Set<FieldPunch>().AsNoTracking().Where(f => f.PhotoKey != null && keys.Contains(f.PhotoKey))
                .Select(f => f.PhotoKey!).ToListAsync(ct)).ToHashSet();
            foreach (var key in keys.Where(k => !named.Contains(k)))
            {
                files.Delete(key);
                removed++;
            }
        }
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} field photos that no punch names", removed);
        }
        return removed;
    }
}

/// <summary>Runs <see cref="FieldPhotos.SweepAsync"/> every <see cref="FieldCheckInOptions.PhotoSweepEveryMinutes"/> on the injected clock.</summary>
public sealed class FieldPhotoSweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<FieldCheckInOptions> options, ILogger<FieldPhotoSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new ClockTicker(TimeSpan.FromMinutes(options.Value.PhotoSweepEveryMinutes), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<FieldPhotos>().SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next tick tries again; the portal keeps serving.
                    logger.LogError(ex, "The field photo sweep failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
