using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Notifications;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// A punch to store: who, when (UTC) and from where. <paramref name="ReviewIfClosed"/>: a machine's line, which may
/// not rewrite a day already closed; for such a day it is parked for an admin's review instead. <paramref name="Field"/>:
/// where a field check-in was made, stored with the punch in its transaction.
/// </summary>
public sealed record PunchSubmission(int EmployeeId, DateTime AtUtc, PunchSource Source, Guid? DeviceId = null, string? Pin = null, string? IpAddress = null,
    bool ReviewIfClosed = false, Field.FieldPunch? Field = null);

public enum PunchOutcome
{
    Accepted = 0,
    Duplicate = 1,

    /// <summary>A machine line for a closed day, kept as a <see cref="Devices.MachineLine"/> waiting for review.</summary>
    Parked = 2,
}

/// <summary>
/// Stores punches from every source into one table. Idempotent: the same punch twice, or two punches of one person
/// within the duplicate window, are kept once. Punches that reach a day already closed rewrite that day; a first
/// check-in of today that is late publishes <see cref="CheckedInLateEvent"/>.
/// </summary>
/// <remarks>
/// One writer: callers hand their punches to a queue and wait; a single loop takes whatever has queued up (up to
/// <see cref="MaxBatchPunches"/> punches) and stores it in one transaction, then answers every caller. People at a
/// screen or a kiosk are served before a machine's or an import's chunks (<see cref="PunchLanes{T}"/>). SQLite has one
/// writer anyway; without the queue, concurrent callers wait on its lock with sleeping back-off (seconds of latency
/// at a few hundred check-ins a second), and each re-reads the schedules, holidays and units on its own. A caller is
/// answered only after the commit, so an acknowledged punch is stored.
/// </remarks>
public sealed class PunchRecorder(
    IDbContextFactory<PortalDbContext> dbFactory,
    StorePunchBatch store,
    Metrics.PortalMetrics metrics,
    ILogger<PunchRecorder> logger) : IAsyncDisposable
{
    /// <summary>Punches stored in one transaction at most (a larger single batch, e.g. a log import, goes alone).</summary>
    public const int MaxBatchPunches = 2000;

    /// <summary>
    /// Machine or import punches stored in one transaction at most, from chunks that waited together (a larger chunk
    /// goes alone): what someone checking in may wait behind. Ten of a machine upload's chunks.
    /// </summary>
    public const int MaxMachineBatchPunches = 10 * Devices.DeviceIngestService.RecordChunk;

    /// <summary>Punches waiting for the writer. <paramref name="Bulk"/>: a machine's or an import's lines, served after the people waiting.</summary>
    private sealed record Pending(IReadOnlyList<PunchSubmission> Submissions, TaskCompletionSource<IReadOnlyList<PunchOutcome>> Done, bool Bulk);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startGate = new();
    private Task? _writer;
    private PortalDbContext? _session;

    public async Task<IReadOnlyList<PunchOutcome>> RecordAsync(IReadOnlyList<PunchSubmission> submissions, CancellationToken ct = default)
    {
        if (submissions.Count == 0)
        {
            return [];
        }
        ct.ThrowIfCancellationRequested();
        EnsureWriter();
        var bulk = submissions.Any(s => s.Source is not (PunchSource.Web or PunchSource.Kiosk));
        var pending = new Pending(submissions, new TaskCompletionSource<IReadOnlyList<PunchOutcome>>(TaskCreationOptions.RunContinuationsAsynchronously), bulk);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PunchRecorder), "Portal sedang berhenti; absen tidak dapat dicatat.");
        }
        // Once queued the punches are written even if this caller goes away: an unanswered punch may be stored (a resend
        // is then a duplicate), an answered one always is.
        var outcomes = await pending.Done.Task;
        Count(submissions, outcomes);
        return outcomes;
    }

    private static readonly string[] SourceNames = Enum.GetNames<PunchSource>().Select(n => n.ToLowerInvariant()).ToArray();

    private static readonly string[] OutcomeNames = Enum.GetNames<PunchOutcome>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>The check-ins-per-minute counter (belu.attendance.punches), after the commit: one add per source and outcome.</summary>
    private void Count(IReadOnlyList<PunchSubmission> submissions, IReadOnlyList<PunchOutcome> outcomes)
    {
        if (submissions.Count == 1)
        {
            metrics.Punches(SourceName(submissions[0]), OutcomeNames[(int)outcomes[0]], 1);
            return;
        }
        foreach (var group in submissions.Zip(outcomes).GroupBy(p => (Source: SourceName(p.First), Outcome: p.Second)))
        {
            metrics.Punches(group.Key.Source, OutcomeNames[(int)group.Key.Outcome], group.LongCount());
        }
    }

    private static string SourceName(PunchSubmission submission) => submission.Field is not null ? "field" : SourceNames[(int)submission.Source];

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }
        lock (_startGate)
        {
            if (_writer is null)
            {
                // The loop outlives the request that starts it: it must not carry that request's context (its
                // HttpContext, its trace and logging scope) into every later batch.
                using (ExecutionContext.SuppressFlow())
                {
                    _writer = Task.Run(WriteLoopAsync);
                }
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var lanes = new PunchLanes<Pending>(MaxBatchPunches, MaxMachineBatchPunches, p => p.Submissions.Count);
        while (!lanes.IsEmpty || await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var next))
            {
                lanes.Add(next, next.Bulk);
            }
            await WriteBatchAsync(lanes.TakeNext());
            if (lanes.IsEmpty && !reader.TryPeek(out _))
            {
                // Nothing waiting: the connection goes back to the pool until the next punch.
                await EndSessionAsync();
            }
        }
        await EndSessionAsync();
    }

    /// <summary>
    /// The writer's context and connection, kept from one batch to the next while punches keep coming, and given back
    /// when the queue is empty. Taking a connection from the pool for every batch would put the writer in the pool's
    /// queue behind the readers it has just answered (each reads today's status afterwards): on PostgreSQL, whose pool
    /// is bounded, a rush would make every check-in wait for the readers' turn.
    /// </summary>
    private async Task<PortalDbContext> SessionAsync(CancellationToken ct)
    {
        if (_session is null)
        {
            var db = await dbFactory.CreateDbContextAsync(ct);
            try
            {
                await db.Database.OpenConnectionAsync(ct);
                await WriterConnection.PrepareAsync(db, ct);
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
            _session = db;
        }
        return _session;
    }

    private async Task EndSessionAsync()
    {
        if (_session is { } db)
        {
            _session = null;
            try
            {
                await WriterConnection.ReleaseAsync(db);
            }
            catch (Exception ex)
            {
                // A broken connection is not pooled again; a healthy one that missed this keeps the WalCheckpointer's.
                logger.LogDebug(ex, "Punch writer's connection not reset");
            }
            await db.DisposeAsync();
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                var outcomes = await RecordWithRetryAsync(batch.SelectMany(p => p.Submissions).ToList());
                var offset = 0;
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult(outcomes.Skip(offset).Take(pending.Submissions.Count).ToArray());
                    offset += pending.Submissions.Count;
                }
                return;
            }
            catch (Exception ex)
            {
                // One caller's bad punch must not fail the others: write each caller's punches alone.
                logger.LogWarning(ex, "A batch of {Count} punch submissions failed; writing them one caller at a time", batch.Count);
            }
        }
        foreach (var pending in batch)
        {
            try
            {
                pending.Done.TrySetResult(await RecordWithRetryAsync(pending.Submissions));
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer;
        }
    }

    private async Task<IReadOnlyList<PunchOutcome>> RecordWithRetryAsync(IReadOnlyList<PunchSubmission> submissions)
    {
        var ct = CancellationToken.None;
        // Two callers storing the same punch at once: the unique index refuses the second, which then sees a duplicate.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcomes = await store.StoreAsync(await SessionAsync(ct), submissions, ct);
                _session?.ChangeTracker.Clear();
                return outcomes;
            }
            catch (Exception ex)
            {
                // Whatever failed, the next attempt (or the next batch) starts from a fresh context and connection.
                await EndSessionAsync();
                if (ex is not DbUpdateException || attempt >= 3)
                {
                    throw;
                }
                logger.LogInformation(ex, "Concurrent punch insert, retrying ({Attempt})", attempt);
            }
        }
    }
}
