using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Closes days: classifies every employee's day for good (TK where a working day has no punch and no approved
/// request) and stores it. Restart-safe: the last closed day is kept in the database and missed days are caught up
/// in order. Idempotent: closing a day again with the same facts changes nothing.
/// </summary>
public sealed class DailyCloseService(
    IDbContextFactory<PortalDbContext> dbFactory,
    AttendanceEngine engine,
    OfficeClock clock,
    ILogger<DailyCloseService> logger)
{
    // One close at a time in this process: the worker and an admin or a test may ask at once.
    internal static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Closes one day; returns how many rows were added or changed.</summary>
    public async Task<int> CloseDayAsync(DateOnly day, CancellationToken ct = default)
    {
        if (day >= clock.Today)
        {
            throw new ValidationException($"Hari {day:dd/MM/yyyy} belum berakhir dan belum dapat ditutup.");
        }
        await Gate.WaitAsync(ct);
        try
        {
            return await CloseAsync(day, ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Closes every day from the one after the last closed day up to yesterday; returns the days closed.</summary>
    public async Task<IReadOnlyList<DateOnly>> CatchUpAsync(CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var yesterday = clock.Today.AddDays(-1);
            DateOnly? last;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                last = await AttendanceEngine.LastClosedDayAsync(db, ct);
            }
            if (last is null)
            {
                // A fresh installation starts counting today: nobody is TK for the days before the portal existed.
                await MarkClosedAsync(yesterday, ct);
                return [];
            }
            // After long downtime at most CatchUpMaxDays are closed.
            var first = last.Value.AddDays(1);
            var earliest = yesterday.AddDays(1 - Math.Max(1, engine.Options.CatchUpMaxDays));
            if (first < earliest)
            {
                first = earliest;
            }
            var closed = new List<DateOnly>();
            for (var day = first; day <= yesterday; day = day.AddDays(1))
            {
                var changed = await CloseAsync(day, ct);
                closed.Add(day);
                logger.LogInformation("Attendance day {Day} closed ({Changed} rows written)", day, changed);
            }
            return closed;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task MarkClosedAsync(DateOnly day, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AttendanceStates.Add(new AttendanceState { Key = AttendanceState.LastClosedDay, Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> CloseAsync(DateOnly day, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var staff = await AttendanceEngine.Staff(db).ToListAsync(ct);
        var book = await engine.LoadBookAsync(db, day, day, ct);
        var changed = await engine.StoreClosedAsync(db, book, staff, day, day, ct);

        var state = await db.AttendanceStates.FirstOrDefaultAsync(s => s.Key == AttendanceState.LastClosedDay, ct);
        var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (state is null)
        {
            db.AttendanceStates.Add(new AttendanceState { Key = AttendanceState.LastClosedDay, Value = text });
        }
        else if (string.CompareOrdinal(state.Value, text) < 0)
        {
            state.Value = text;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changed;
    }
}

/// <summary>
/// Schedules the daily close: at start and then every few minutes (on the injected clock) it closes whatever days
/// have ended since the last close. The work itself is in <see cref="DailyCloseService"/>, which tests call directly.
/// </summary>
public sealed class DailyCloseWorker(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<AttendanceOptions> options,
    ILogger<DailyCloseWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DailyCloseEnabled)
        {
            return;
        }
        await RunOnceAsync(stoppingToken);
        using var timer = new ClockTicker(TimeSpan.FromMinutes(Math.Max(1, options.Value.DailyCloseCheckMinutes)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DailyCloseService>().CatchUpAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down; the next start catches up.
            return;
        }
        catch (Exception ex)
        {
            // A failed close is retried at the next tick; the portal keeps serving.
            logger.LogError(ex, "Daily attendance close failed");
        }
    }
}
