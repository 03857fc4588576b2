using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file from a connection of its own, every
/// <see cref="Interval"/>. The punch writer turns SQLite's automatic checkpoint off on its connection: that checkpoint
/// runs inside the commit that crosses 1,000 pages, and while a machine's large upload was written it held the next
/// person's check-in for 100–250 ms (docs/PERFORMANCE.md). A passive checkpoint here never waits for the writer nor
/// makes it wait; other connections keep the automatic one. PostgreSQL has nothing to do.
/// </summary>
public sealed class WalCheckpointer(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, ILogger<WalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>One passive checkpoint; returns the log's frames and how many of them are now in the database file.</summary>
    public async Task<(int LogFrames, int Checkpointed)> CheckpointOnceAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite())
        {
            return (0, 0);
        }
        await db.Database.OpenConnectionAsync(ct);
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(1), reader.GetInt32(2));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new ClockTicker(Interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "WAL checkpoint failed; the next one retries");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("WAL checkpointer stopped");
        }
    }
}

/// <summary>The punch writer's connection: no automatic checkpoint inside its commits (see <see cref="WalCheckpointer"/>).</summary>
internal static class WriterConnection
{
    public static async Task PrepareAsync(PortalDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint = 0;", ct);
        }
    }

    /// <summary>Before the connection goes back to the pool, where others expect the automatic checkpoint.</summary>
    public static async Task ReleaseAsync(PortalDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint = 1000;");
        }
    }
}
