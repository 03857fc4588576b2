using Belu.Portal.Common;
using Belu.Portal.Features.Audit;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Audit;

public class AuditServiceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnAdminFindsSignInsByUserAndFamily()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.PostLoginAsync("agendaris", "Salah#12345");
        await client.SignInAsync("agendaris");

        await using var scope = await factory.ScopeForAsync("admin");
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
        var page = await audit.SearchAsync(new AuditQuery("agendaris", "login"));
        Assert.Contains(page.Items, a => a.Action == "login.failed");
        Assert.Contains(page.Items, a => a.Action == "login.succeeded");
        Assert.All(page.Items, a => Assert.StartsWith("login", a.Action));
        Assert.True(page.Items.SequenceEqual(page.Items.OrderByDescending(a => a.AtUtc)));
    }

    [Fact]
    public async Task ADateRangeInTheFutureFindsNothing()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
        var page = await audit.SearchAsync(new AuditQuery(From: new DateOnly(2099, 1, 1)));
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task OnlyAdministratorsReadTheLog()
    {
        await using var scope = await factory.ScopeForAsync("pimpinan");
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<AuditService>().SearchAsync(new AuditQuery()));
    }

    [Fact]
    public async Task TheLogIsFoundByTheCodeAndByItsIndonesianLabel()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.PostLoginAsync("kabid.ikp", "Salah#12345");

        await using var scope = await factory.ScopeForAsync("admin");
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
        var byCode = await audit.SearchAsync(new AuditQuery("login.failed"));
        Assert.Contains(byCode.Items, a => a.Action == "login.failed" && a.UserName == "kabid.ikp");
        Assert.All(byCode.Items, a => Assert.Equal("login.failed", a.Action));
        var byLabel = await audit.SearchAsync(new AuditQuery("gagal masuk"));
        Assert.Equal(byCode.Items.Select(a => a.Id), byLabel.Items.Select(a => a.Id));
    }
}
