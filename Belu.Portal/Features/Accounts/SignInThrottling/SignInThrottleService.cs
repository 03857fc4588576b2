using System.Net;
using Belu.Portal.Data;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Accounts.SignInThrottling;

/// <summary>
/// Counts wrong passwords per account and source address and makes a source that keeps failing wait, doubling,
/// up to a cap. The account itself is never locked: its holder signs in from any other address (decision record 0013).
/// </summary>
public sealed class SignInThrottleService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<SignInThrottleOptions> options,
    Announcer announcer,
    TimeProvider time)
{
    /// <summary>Marks the key of a login that names no account: such names are slowed down alike, so the wait tells nothing.</summary>
    public const string UnknownPrefix = "?";

    private static int _failuresSincePrune;

    public static string KeyOf(ApplicationUser user) => user.Id;

    public static string KeyOfUnknown(string login)
    {
        var key = UnknownPrefix + login.Trim().ToLowerInvariant();
        return key.Length > 300 ? key[..300] : key;
    }

    /// <summary>The address as one string whatever the socket's family, or "?" when there is none.</summary>
    public static string SourceOf(IPAddress? address) =>
        address is null ? "?" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    /// <summary>How long this source must still wait before it may try this account again (zero: it may now).</summary>
    public async Task<TimeSpan> WaitAsync(string accountKey, string source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = await db.SignInThrottles.Where(t => t.AccountKey == accountKey && t.Source == source)
            .Select(t => t.BlockedUntilUtc).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return until is DateTime u && u > now ? u - now : TimeSpan.Zero;
    }

    /// <summary>
    /// Counts a wrong password and answers how long the source must now wait. When the source first has to wait, the
    /// account's holder (<paramref name="holderEmployeeId"/>) is told, once per run of failures.
    /// </summary>
    public async Task<TimeSpan> RecordFailureAsync(string accountKey, string source, int? holderEmployeeId, CancellationToken ct = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.SignInThrottles.FirstOrDefaultAsync(t => t.AccountKey == accountKey && t.Source == source, ct);
            if (row is null)
            {
                row = new SignInThrottle { AccountKey = accountKey, Source = source };
                db.SignInThrottles.Add(row);
            }
            else if (row.LastFailureUtc < now - settings.ForgetAfter)
            {
                row.Failures = 0;
                row.HolderNotified = false;
            }
            row.Failures++;
            row.LastFailureUtc = now;
            var delay = settings.DelayAfter(row.Failures);
            row.BlockedUntilUtc = delay > TimeSpan.Zero ? now + delay : null;

            RepeatedSignInFailuresEvent? notice = null;
            if (delay > TimeSpan.Zero && !row.HolderNotified && holderEmployeeId is int employeeId)
            {
                notice = new RepeatedSignInFailuresEvent(source, row.Failures) { AtUtc = now, RecipientEmployeeIds = [employeeId] };
                row.HolderNotified = true;
                Outbox.Stage(db, notice);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request of the same source inserted the row first: count on top of it.
                db.ChangeTracker.Clear();
                continue;
            }
            if (notice is not null)
            {
                // Saved with the count; the sign-in's answer does not wait for, nor fail by, its delivery.
                await announcer.AnnounceAsync([notice], ct);
            }
            await PruneAsync(db, now, ct);
            return delay;
        }
    }

    /// <summary>A right password from this source: its run of failures is over.</summary>
    public async Task ForgetAsync(string accountKey, string source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SignInThrottles.Where(t => t.AccountKey == accountKey && t.Source == source).ExecuteDeleteAsync(ct);
    }

    /// <summary>Clears every source's count and wait for the account (an administrator's unlock).</summary>
    public async Task ForgetAccountAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SignInThrottles.Where(t => t.AccountKey == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Of the given accounts, those some source must still wait for, with the latest end of a wait.</summary>
    public async Task<Dictionary<string, DateTime>> WaitingAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SignInThrottles.AsNoTracking()
            .Where(t => userIds.Contains(t.AccountKey) && t.BlockedUntilUtc > now)
            .Select(t => new { t.AccountKey, Until = t.BlockedUntilUtc!.Value })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.AccountKey).ToDictionary(g => g.Key, g => g.Max(r => r.Until));
    }

    /// <summary>Every hundred failures, drop the runs nobody continued for a day (unknown names would pile up).</summary>
    private async Task PruneAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _failuresSincePrune) % 100 == 1)
        {
            var forgetBefore = now - options.Value.ForgetAfter;
            await db.SignInThrottles.Where(t => t.LastFailureUtc < forgetBefore && (t.BlockedUntilUtc == null || t.BlockedUntilUtc < now))
                .ExecuteDeleteAsync(ct);
        }
    }
}
