using System.Data;
using Belu.Portal.Data;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Platform;

/// <summary>
/// Contexts come from a pool. One handed back with the connection its user opened must not make the next lease hold
/// its connection after a query: on PostgreSQL that held pooled connections while check-ins waited for the writer.
/// </summary>
public class PooledContextTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AContextHandedBackOpenLeavesTheNextLeaseClosedAfterEachQuery()
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        for (var round = 0; round < 6; round++)
        {
            await using (var opened = await dbFactory.CreateDbContextAsync())
            {
                await opened.Database.OpenConnectionAsync();
                Assert.True(await opened.Units.AnyAsync());
            }
            using (var openedSync = dbFactory.CreateDbContext())
            {
                openedSync.Database.OpenConnection();
                Assert.True(openedSync.Units.Any());
            }
            await using var next = await dbFactory.CreateDbContextAsync();
            Assert.True(await next.Units.AnyAsync());
            Assert.Equal(ConnectionState.Closed, next.Database.GetDbConnection().State);
        }
    }
}

[Trait("Category", "Postgres")]
public class PostgresPooledContextTests(PostgresPortalFactory factory) : PooledContextTests(factory), IClassFixture<PostgresPortalFactory>;
