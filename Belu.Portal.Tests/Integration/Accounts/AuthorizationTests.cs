using System.Net;
using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Accounts;

public class AuthorizationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/organisasi/unit")]
    [InlineData("/organisasi/pegawai")]
    [InlineData("/organisasi/pegawai/impor")]
    [InlineData("/organisasi/pegawai/impor/templat.csv")]
    [InlineData("/admin/akun")]
    public async Task APegawaiGets403OnAdminPages(string path)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Akses ditolak", body);
        Assert.DoesNotContain("Pranata", body);
    }

    [Theory]
    [InlineData("/organisasi/unit")]
    [InlineData("/organisasi/pegawai/impor")]
    [InlineData("/admin/akun")]
    public async Task AnAdminOpensAdminPages(string path)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ALeaderOpensThePeopleListButNotTheUnitEditor()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organisasi/pegawai")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/organisasi/unit")).StatusCode);
    }

    [Fact]
    public async Task APegawaiCallingAdminServicesIsRefused()
    {
        await using var scope = await factory.ScopeForAsync("pegawai");
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var import = scope.ServiceProvider.GetRequiredService<EmployeeImportService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => organization.SearchEmployeesAsync(new EmployeeQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<SaveEmployee>().CreateAsync(new EmployeeInput { Name = "X", Position = "Y", UnitId = 1, EmploymentType = EmploymentType.NonAsn }));
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<SaveUnit>().CreateAsync(new UnitInput { Name = "X", Code = "X", Kind = UnitKind.Opd, ParentId = 1 }));
        await Assert.ThrowsAsync<ForbiddenException>(() => accounts.SearchAsync(null, 0, 10));
        await Assert.ThrowsAsync<ForbiddenException>(() => accounts.SetRolesAsync("x", [Roles.Admin]));
        await Assert.ThrowsAsync<ForbiddenException>(() => import.PreviewAsync(new MemoryStream()));
    }

    [Fact]
    public async Task ALeaderCannotChangeTheOrganisation()
    {
        await using var scope = await factory.ScopeForAsync("pimpinan");
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<SaveEmployee>().UpdateAsync(1, new EmployeeInput()));
    }

    [Fact]
    public async Task NobodySignedInGetsNothingFromServices()
    {
        await using var scope = factory.AnonymousScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => organization.GetTreeAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => organization.GetMyProfileAsync());
    }

    [Fact]
    public async Task ApiLikeRequestsGet401InsteadOfARedirect()
    {
        var client = factory.CreateBrowserLikeClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/organisasi/pegawai/impor/templat.csv");
        request.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }
}
