using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Accounts.SignInThrottling;

/// <summary>
/// The wrong passwords one source address gave for one account. Only that pair is slowed down: a stranger who fails
/// at an account delays himself, never the account's holder at another address (decision record 0013).
/// </summary>
public sealed class SignInThrottle
{
    public long Id { get; set; }

    /// <summary>The account's id, or <see cref="SignInThrottleService.UnknownPrefix"/> and the login typed for a name that does not exist.</summary>
    public required string AccountKey { get; set; }

    /// <summary>The connection's remote address (after the trusted-proxy rule).</summary>
    public required string Source { get; set; }

    public int Failures { get; set; }

    public DateTime LastFailureUtc { get; set; }

    /// <summary>Until when this source's attempts at this account are refused unchecked.</summary>
    public DateTime? BlockedUntilUtc { get; set; }

    /// <summary>The account's holder was told of this run of failures (once per run).</summary>
    public bool HolderNotified { get; set; }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.Property(t => t.AccountKey).HasMaxLength(300);
        b.Property(t => t.Source).HasMaxLength(64);
        b.HasIndex(t => new { t.AccountKey, t.Source }).IsUnique();
        b.HasIndex(t => t.LastFailureUtc);
    }
}

/// <summary>Section <c>Accounts:SignInThrottle</c>: how a source that keeps failing at one account is slowed down.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Accounts:SignInThrottle";

    /// <summary>Wrong passwords a source may give for one account before it has to wait.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The wait after the last free failure; it doubles with each further failure.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A source that has not failed at the account for this long starts again from nothing.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a run: none before the free ones are spent.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures - FreeFailures, 30);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
