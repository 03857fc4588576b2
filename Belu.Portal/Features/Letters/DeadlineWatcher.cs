using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Letters;

/// <summary>E-Surat settings (section "Letters").</summary>
public sealed class LettersOptions
{
    public const string Section = "Letters";

    /// <summary>How often the portal looks for dispositions whose deadline has passed.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Pause after start-up before the first look, so start-up work finishes first.</summary>
    public TimeSpan DeadlineScanDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The letter list counts matching letters up to this many and above it says "lebih dari": an exact count checks
    /// every letter a leader may see (100,000 in a regency's register), and nobody pages past the ten-thousandth
    /// letter instead of narrowing the filter.
    /// </summary>
    public int ListCountLimit { get; set; } = 10_000;
}

public interface IDeadlineScanner
{
    /// <summary>Announces every open disposition whose deadline day has passed and was not announced yet; returns how many.</summary>
    Task<int> RunOnceAsync(CancellationToken ct = default);
}

/// <summary>
/// Finds late dispositions. Each is claimed with a conditional update (DeadlineNotifiedAtUtc from null to now) in the
/// same transaction as its track line, and announced only after that commits: a restart, a second instance or a
/// second run never announces the same deadline twice.
/// </summary>
public sealed class DeadlineScanner(IDbContextFactory<PortalDbContext> dbFactory, OfficeClock clock, Announcer announcer) : IDeadlineScanner
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var late = await db.Dispositions.AsNoTracking()
            .Where(d => d.DeadlineNotifiedAtUtc == null && d.Deadline != null && d.Deadline < today
                && (d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses))
            .OrderBy(d => d.Deadline)
            .Select(d => new
            {
                d.Id, d.LetterId, d.FromEmployeeId, d.ToEmployeeId, d.ToUnitId, Deadline = d.Deadline!.Value,
                d.Letter!.AgendaNumber, d.Letter.Subject, d.Letter.Security, RecipientName = d.ToEmployee!.Name,
            })
            .Take(500)
            .ToListAsync(ct);
        var announced = 0;
        foreach (var d in late)
        {
            var now = clock.UtcNow;
            var passed = new DispositionDeadlinePassed
            {
                AtUtc = now, LetterId = d.LetterId, AgendaNumber = d.AgendaNumber, DispositionId = d.Id, RecipientName = d.RecipientName,
                Deadline = d.Deadline, Subject = d.Security.IsSecret() ? null : d.Subject,
                RecipientEmployeeIds = [d.ToEmployeeId, d.FromEmployeeId], UnitId = d.ToUnitId,
            };
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var claimed = await db.Dispositions.Where(x => x.Id == d.Id && x.DeadlineNotifiedAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeadlineNotifiedAtUtc, now), ct);
                if (claimed != 1)
                {
                    continue;
                }
                db.LetterTrack.Add(LetterWrites.Track(d.LetterId, now, TrackKind.DeadlinePassed, null, "Sistem",
                    $"Batas waktu disposisi kepada {d.RecipientName} ({d.Deadline:dd MMM yyyy}) terlewati; disposisi belum selesai.", d.Id));
                // The announcement is stored with the claim: a crash before publishing leaves it in the outbox, not lost.
                await announcer.SaveAndAnnounceAsync(db, transaction, [passed], ct);
            }
            announced++;
        }
        return announced;
    }
}

/// <summary>Runs the <see cref="IDeadlineScanner"/> on the injected clock, every <see cref="LettersOptions.DeadlineScanInterval"/>.</summary>
public sealed class DeadlineWatcher(IDeadlineScanner scanner, TimeProvider time, IOptions<LettersOptions> options, ILogger<DeadlineWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.DeadlineScanDelay, time, stoppingToken);
            using var timer = new ClockTicker(options.Value.DeadlineScanInterval, time);
            do
            {
                await ScanAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Deadline watcher stopped");
        }
    }

    private async Task ScanAsync(CancellationToken ct)
    {
        try
        {
            var count = await scanner.RunOnceAsync(ct);
            if (count > 0)
            {
                logger.LogInformation("Announced {Count} passed disposition deadlines", count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed scan (database busy, disk full) is retried at the next tick; the watcher must not die.
            logger.LogError(ex, "Deadline scan failed");
        }
    }
}
