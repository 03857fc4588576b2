using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Organization;

public class OrganizationTreeCacheTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private OrganizationTreeCache Trees => factory.Services.GetRequiredService<OrganizationTreeCache>();

    [Fact]
    public async Task TheTreeIsKeptBetweenReadsWhileNothingChanges()
    {
        var first = await Trees.GetAsync();
        Assert.Same(first, await Trees.GetAsync());
        await using var db = factory.CreateDbContext();
        Assert.Same(first, await Trees.GetAsync(db));
    }

    [Fact]
    public async Task ATreeLoadAfterAUnitIsRenamedShowsTheNewName()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        await using var db = factory.CreateDbContext();
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Code == "DISTANKP");
        Assert.Equal(unit.Name, (await Trees.GetAsync())[unit.Id].Name);

        var organization = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var input = await organization.GetUnitAsync(unit.Id);
        input.Name = "Dinas Pertanian dan Ketahanan Pangan (baru)";
        await scope.ServiceProvider.GetRequiredService<SaveUnit>().UpdateAsync(unit.Id, input);

        Assert.Equal("Dinas Pertanian dan Ketahanan Pangan (baru)", (await organization.GetTreeAsync())[unit.Id].Name);
    }

    [Fact]
    public async Task AUnitSavedThroughAnyContextOfThisInstanceRefreshesTheTree()
    {
        await Trees.GetAsync();
        await using var db = factory.CreateDbContext();
        var unit = await db.Units.FirstAsync(u => u.Code == "DINSOS");
        unit.Name = "Dinas Sosial (ganti nama langsung)";
        await db.SaveChangesAsync();

        Assert.Equal("Dinas Sosial (ganti nama langsung)", (await Trees.GetAsync())[unit.Id].Name);
    }
}
