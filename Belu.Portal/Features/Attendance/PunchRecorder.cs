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
/// not rewrite a day already closed; for such a day it is parked for an admin's review instead.
/// </summary>
public sealed record PunchSubmission(int EmployeeId, DateTime AtUtc, PunchSource Source, Guid? DeviceId = null, string? Pin = null, string? IpAddress = null,
    bool ReviewIfClosed = false);

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
    AttendanceEngine engine,
    OfficeClock clock,
    IPortalNotifier notifier,
    PresenceCues presence,
    ILogger<PunchRecorder> logger) : IAsyncDisposable
{
    /// <summary>Punches stored in one transaction at most (a larger single batch, e.g. a log import, goes alone).</summary>
    public const int MaxBatchPunches = 2000;

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
        return await pending.Done.Task;
    }

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
        var lanes = new PunchLanes<Pending>(MaxBatchPunches, p => p.Submissions.Count);
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
                var outcomes = await RecordOnceAsync(submissions, ct);
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

    private async Task<IReadOnlyList<PunchOutcome>> RecordOnceAsync(IReadOnlyList<PunchSubmission> submissions, CancellationToken ct)
    {
        var window = TimeSpan.FromSeconds(Math.Max(1, engine.Options.DuplicateWindowSeconds));
        var outcomes = new PunchOutcome[submissions.Count];
        var nowUtc = clock.UtcNow;
        var today = clock.Today;
        // One connection for the whole batch (and the next ones while they keep coming): EF would otherwise open (and
        // set the pragmas on) one per query.
        var db = await SessionAsync(ct);

        var ordered = submissions.Select((s, i) => (Submission: s with { AtUtc = PunchRules.TruncateToSecond(s.AtUtc) }, Index: i))
            .OrderBy(x => x.Submission.EmployeeId).ThenBy(x => x.Submission.AtUtc).ToList();
        var stored = await StoredPunches.NearAsync(db, clock, ordered.Select(x => x.Submission).ToList(), window, ct);
        var touched = new HashSet<(int EmployeeId, DateOnly Date)>();
        // Today's punches per person: those stored before this batch, and those the batch adds.
        var todays = new Dictionary<(int, DateOnly), (List<DateTime> Before, List<DateTime> Added)>();
        var (todayStart, todayEnd) = clock.DayBoundsUtc(today);
        var parking = await ClosedDayParking.LoadAsync(db, ordered.Select(x => x.Submission).ToList(), clock, today, ct);

        foreach (var group in ordered.GroupBy(x => x.Submission.EmployeeId))
        {
            var kept = stored.TryGetValue(group.Key, out var near) ? near : [];
            foreach (var (submission, index) in group)
            {
                if (PunchRules.IsDuplicate(kept, submission.AtUtc, window))
                {
                    outcomes[index] = PunchOutcome.Duplicate;
                    continue;
                }
                var date = PunchRules.LocalDate(submission.AtUtc, clock.TimeZone);
                if (parking.Applies(submission, date))
                {
                    outcomes[index] = parking.Park(db, submission, date, nowUtc) ? PunchOutcome.Parked : PunchOutcome.Duplicate;
                    continue;
                }
                if (date == today)
                {
                    if (!todays.TryGetValue((group.Key, date), out var day))
                    {
                        day = (kept.Where(p => p >= todayStart && p < todayEnd).ToList(), []);
                        todays[(group.Key, date)] = day;
                    }
                    day.Added.Add(submission.AtUtc);
                }
                kept.Add(submission.AtUtc);
                touched.Add((group.Key, date));
                outcomes[index] = PunchOutcome.Accepted;
                db.Punches.Add(new Punch
                {
                    EmployeeId = submission.EmployeeId,
                    AtUtc = submission.AtUtc,
                    Source = submission.Source,
                    DeviceId = submission.DeviceId,
                    Pin = submission.Pin,
                    IpAddress = submission.IpAddress,
                    RecordedUtc = nowUtc,
                });
            }
        }
        if (touched.Count == 0)
        {
            if (parking.Added > 0)
            {
                await db.SaveChangesAsync(ct);
            }
            return outcomes;
        }

        // The late check-ins are worked out before the save and stored with the punches (the outbox): a punch is never
        // committed without the notice its leaders are owed, even if the process dies before it is sent.
        var ids = touched.Select(t => t.EmployeeId).Distinct().ToList();
        var byId = (await AttendanceEngine.StaffMembersAsync(db, ids, ct)).ToDictionary(s => s.Id);
        var from = touched.Min(t => t.Date);
        var book = await engine.LoadBookAsync(db, from < today ? from : today, today, ct);
        var late = await LateCheckIns.FindAsync(db, clock, byId, book, todays, ct);
        foreach (var notice in late)
        {
            Outbox.Stage(db, notice);
        }
        await db.SaveChangesAsync(ct);

        // A punch for a day the close has already passed rewrites that day (machine lines never get here: they are parked).
        if (book.LastClosedDay is DateOnly closed && touched.Any(t => t.Date <= closed))
        {
            foreach (var (employeeId, date) in touched.Where(t => t.Date <= closed && byId.ContainsKey(t.EmployeeId)))
            {
                await engine.StoreClosedAsync(db, book, [byId[employeeId]], date, date, ct);
            }
            await db.SaveChangesAsync(ct);
        }

        foreach (var notice in late)
        {
            try
            {
                await notifier.PublishAsync(notice, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The punches are stored and the notice waits in the outbox; the dispatcher sends it later. Failing
                // here would make the writer store these punches again and answer "duplicate".
                logger.LogWarning(ex, "Late check-in notice {EventId} not sent now; the outbox will send it", notice.Id);
            }
        }
        // On-time check-ins move the boards' numbers too.
        await presence.AnnounceAsync(todays.Keys.Where(k => byId.ContainsKey(k.Item1))
            .Select(k => book.Tree.Contains(byId[k.Item1].UnitId) ? book.Tree.OpdOf(byId[k.Item1].UnitId)?.Id : null)
            .OfType<int>(), today, nowUtc, ct);
        return outcomes;
    }
}
