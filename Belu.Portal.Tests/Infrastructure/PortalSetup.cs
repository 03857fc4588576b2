namespace Belu.Portal.Tests.Infrastructure;

/// <summary>Which clock a test portal runs on.</summary>
public enum PortalClock
{
    /// <summary>The real pace, starting at <see cref="TestClock.Start"/> when the portal starts.</summary>
    TestClock,

    /// <summary>A <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> standing at <see cref="FakeClock.Start"/> until the test moves it.</summary>
    Fake,
}

/// <summary>Which database a test portal runs on.</summary>
public enum PortalDatabase
{
    /// <summary>A SQLite file of its own, copied from the run's migrated (and seeded) template.</summary>
    Sqlite,

    /// <summary>A fresh database of its own on the run's shared PostgreSQL cluster, migrated and seeded by the portal.</summary>
    Postgres,
}

/// <summary>
/// The axes a test portal varies along. Everything else a test needs (one setting, a fake service, a test-only
/// endpoint) is composed with <see cref="PortalFactory.WithSetting"/> and <see cref="PortalFactory.WithServices"/>.
/// </summary>
public sealed record PortalSetup
{
    public PortalClock Clock { get; init; } = PortalClock.TestClock;

    public PortalDatabase Database { get; init; } = PortalDatabase.Sqlite;

    /// <summary>The demo organisation (~300 employees, letters, a month of attendance); off for a fresh install.</summary>
    public bool SeedDemo { get; init; } = true;

    /// <summary>A real Kestrel port (<see cref="PortalFactory.BaseUrl"/>), for browsers and SignalR clients.</summary>
    public bool Kestrel { get; init; }

    /// <summary>The production environment: its error page, and no configured start instant (the fake clock stands in).</summary>
    public bool Production { get; init; }

    /// <summary>
    /// Migrate (and seed) this portal's SQLite file at its start instead of copying the run's template: for tests of
    /// the start itself. The template is the same database, made once per run.
    /// </summary>
    public bool FreshDatabase { get; init; }

    /// <summary>A Redis server to carry events between instances; none means the in-process bus.</summary>
    public string? Redis { get; init; }
}

/// <summary>
/// The instant a fake-clock portal starts at: Friday 27 November 2026 at 07:45 WITA (23:45 UTC the day before), a
/// working day, fifteen minutes after the start. The demo history is seeded up to the day before.
/// </summary>
public static class FakeClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 23, 45, 0, TimeSpan.Zero);

    public static readonly DateOnly StartDay = new(2026, 11, 27);
}
