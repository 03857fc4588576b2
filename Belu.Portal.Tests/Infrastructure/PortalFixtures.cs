using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Infrastructure;

// xUnit gives a class fixture by its type, so each setup that several test classes share has a name here. A name only
// chooses a PortalSetup (and, at most, composes a setting or a service): the portal itself is built in PortalFactory.
// A PostgreSQL twin derives from its SQLite fixture so that the shared test class takes either.

/// <summary>A portal with an empty organisation (no demo data), for tests that build their own.</summary>
public class EmptyPortalFactory : PortalFactory
{
    public EmptyPortalFactory()
        : this(PortalDatabase.Sqlite)
    {
    }

    protected EmptyPortalFactory(PortalDatabase database)
        : base(new PortalSetup { SeedDemo = false, Database = database })
    {
    }
}

/// <summary>The portal on a real Kestrel port, for Playwright and the SignalR client.</summary>
public class KestrelPortalFactory : PortalFactory
{
    public KestrelPortalFactory()
        : this(PortalDatabase.Sqlite)
    {
    }

    protected KestrelPortalFactory(PortalDatabase database)
        : base(new PortalSetup { Kestrel = true, Database = database })
    {
    }
}

/// <summary>The portal on a fake clock standing at <see cref="FakeClock.Start"/>.</summary>
public class FakeClockPortalFactory : PortalFactory
{
    public FakeClockPortalFactory()
        : this(PortalDatabase.Sqlite)
    {
    }

    protected FakeClockPortalFactory(PortalDatabase database)
        : base(new PortalSetup { Clock = PortalClock.Fake, Database = database })
    {
    }
}

/// <summary>Web check-in limited to an office network the tests' loopback address is not in.</summary>
public sealed class OfficeNetworkPortalFactory : FakeClockPortalFactory
{
    public OfficeNetworkPortalFactory() => WithSetting("Attendance:OfficeNetworks:0", "10.20.0.0/16");
}

/// <summary>The fake-clock portal on a real port, for the browser journey of E-Absen.</summary>
public sealed class FakeClockKestrelPortalFactory() : PortalFactory(new PortalSetup { Clock = PortalClock.Fake, Kestrel = true });

/// <summary>The demo portal on PostgreSQL instead of SQLite: the same tests, the other provider.</summary>
public sealed class PostgresPortalFactory() : PortalFactory(new PortalSetup { Database = PortalDatabase.Postgres });

/// <summary>The fake-clock portal (E-Absen, board) on PostgreSQL.</summary>
public sealed class PostgresFakeClockPortalFactory() : FakeClockPortalFactory(PortalDatabase.Postgres);

/// <summary>The portal on a real port (SignalR clients, browsers) over PostgreSQL.</summary>
public sealed class PostgresKestrelPortalFactory() : KestrelPortalFactory(PortalDatabase.Postgres);

/// <summary>A PostgreSQL portal without demo data, as a fresh install.</summary>
public sealed class PostgresEmptyPortalFactory() : EmptyPortalFactory(PortalDatabase.Postgres);

/// <summary>
/// The portal as it runs in production (its error page instead of the developer's exception page), on the fake
/// clock, with one test-only address that fails: <see cref="FailingPath"/> throws after the portal's own pipeline,
/// as an unhandled bug in a page or endpoint would.
/// </summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    public const string FailingPath = "/uji/galat";

    public ProductionPortalFactory()
        : base(new PortalSetup { Clock = PortalClock.Fake, Production = true })
    {
        WithServices(services => services.AddTransient<IStartupFilter, FailingEndpoint>());
    }

    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // After the portal's endpoints: reached only by a path nothing else answers, inside every portal middleware.
            app.Use((context, nextMiddleware) => context.Request.Path.StartsWithSegments(FailingPath)
                ? throw new InvalidOperationException("Kegagalan uji: galat yang tidak tertangani.")
                : nextMiddleware(context));
        };
    }
}
