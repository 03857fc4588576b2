using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.ScaleOut;

/// <summary>
/// Two instances of the portal in this process over one SQLite file and one Redis: each keeps its own organisation
/// tree, and a unit changed on one must reach the other's tree over the bus, well before the kept tree's lifetime.
/// </summary>
[Trait("Category", "ScaleOut")]
public class OrganizationTreeAcrossInstancesTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>A portal on Redis; the second of a pair opens the first one's database instead of its own.</summary>
    private static PortalFactory RedisPortal(string redis, string? databaseOf = null)
    {
        var portal = PortalFactory.Create(new PortalSetup { Redis = redis, SeedDemo = databaseOf is null })
            .WithSetting("Redis:Channel", "uji-pohon:" + redis);
        return databaseOf is null ? portal : portal.WithSetting("ConnectionStrings:Portal", $"Data Source={databaseOf}");
    }

    [Fact]
    public async Task AUnitRenamedOnInstanceAIsSeenInTheTreeOfInstanceB()
    {
        Assert.True(OrganizationTreeCache.Lifetime > 4 * Wait, "the wait must prove the bus, not the kept tree's lifetime");
        await using var a = RedisPortal(redis.ConnectionString);
        _ = a.Services;
        await using var b = RedisPortal(redis.ConnectionString, a.DatabasePath);
        await RedisEventBusTests.WaitConnectedAsync((RedisEventBus)a.Services.GetRequiredService<IEventBus>());
        await RedisEventBusTests.WaitConnectedAsync((RedisEventBus)b.Services.GetRequiredService<IEventBus>());
        var treeOfB = b.Services.GetRequiredService<OrganizationTreeCache>();
        await using var db = a.CreateDbContext();
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Code == "DUKCAPIL");
        Assert.Equal(unit.Name, (await treeOfB.GetAsync())[unit.Id].Name);

        await using (var admin = await a.ScopeForAsync("admin"))
        {
            var input = await admin.ServiceProvider.GetRequiredService<OrganizationService>().GetUnitAsync(unit.Id);
            input.Name = "Dinas Dukcapil (diganti di instans A)";
            await admin.ServiceProvider.GetRequiredService<SaveUnit>().UpdateAsync(unit.Id, input);
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await treeOfB.GetAsync())[unit.Id].Name != "Dinas Dukcapil (diganti di instans A)")
        {
            Assert.True(waited.Elapsed < Wait, "instance B still shows the old name");
            await Task.Delay(50);
        }
    }
}
