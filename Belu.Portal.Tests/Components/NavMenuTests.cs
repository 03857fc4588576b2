using Belu.Portal.Components.Layout;
using Belu.Portal.Features.Accounts;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Components;

public class NavMenuTests
{
    private static async Task<IReadOnlyList<string>> LinksFor(string[] roles, string[] policies)
    {
        await using var ctx = new MudContext();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("uji");
        auth.SetRoles(roles);
        auth.SetPolicies(policies);
        var cut = ctx.Render<NavMenu>();
        return cut.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
    }

    [Fact]
    public async Task APegawaiSeesNoOrganisationOrAdministration()
    {
        var links = await LinksFor([Roles.Pegawai], [Policies.Pegawai, Policies.Staff]);
        Assert.Contains("/", links);
        Assert.DoesNotContain(links, l => l.StartsWith("/organisasi", StringComparison.Ordinal) || l.StartsWith("/admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALeaderSeesThePeopleListOnly()
    {
        var links = await LinksFor([Roles.Pimpinan, Roles.Pegawai], [Policies.Pimpinan, Policies.Pegawai, Policies.Staff, Policies.LeaderOrAdmin]);
        Assert.Contains("/organisasi/pegawai", links);
        Assert.DoesNotContain("/organisasi/unit", links);
        Assert.DoesNotContain("/admin/akun", links);
    }

    [Fact]
    public async Task AnAdminSeesEverythingToAdminister()
    {
        var links = await LinksFor([Roles.Admin, Roles.Pegawai], [Policies.Admin, Policies.Pegawai, Policies.Staff, Policies.LeaderOrAdmin]);
        Assert.Contains("/organisasi/pegawai", links);
        Assert.Contains("/organisasi/unit", links);
        Assert.Contains("/organisasi/pegawai/impor", links);
        Assert.Contains("/admin/akun", links);
    }

    [Fact]
    public async Task TheDisplayAccountHasALinkToTheBoard()
    {
        var links = await LinksFor([Roles.Display], [Policies.Display]);
        Assert.Contains("/monitor", links);
        Assert.DoesNotContain("/monitor", await LinksFor([Roles.Pegawai], [Policies.Pegawai, Policies.Staff]));
    }
}
