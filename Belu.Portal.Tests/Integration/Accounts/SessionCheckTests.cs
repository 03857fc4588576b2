using System.Net;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Accounts;

/// <summary>The once-a-minute check of a signed-in person's cookie, on the fake clock.</summary>
public class SessionCheckTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly TimeSpan PastTheCheck = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ACookieThatPassesTheCheckKeepsItsRolesAndIsRenewed()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        factory.Time.Advance(PastTheCheck);

        var checkedOnce = await client.GetAsync("/admin/akun");
        Assert.Equal(HttpStatusCode.OK, checkedOnce.StatusCode);
        Assert.Contains(checkedOnce.Headers.GetValues("Set-Cookie"), c => c.StartsWith("belu.auth=", StringComparison.Ordinal));

        factory.Time.Advance(PastTheCheck);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/akun")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ANewStampEndsTheSessionAtTheNextCheck()
    {
        var client = factory.CreateBrowserLikeClient();
        var (userId, _) = await factory.CreateStaffAccountAsync("sesi.stempel", [Roles.Pegawai]);
        await client.SignInAsync("sesi.stempel");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.UpdateSecurityStampAsync((await users.FindByIdAsync(userId))!)).Succeeded);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        factory.Time.Advance(PastTheCheck);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/akun/masuk", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ADeactivatedEmployeeLosesTheSessionAtTheNextCheck()
    {
        var client = factory.CreateBrowserLikeClient();
        var (_, employeeId) = await factory.CreateStaffAccountAsync("sesi.pensiun", [Roles.Pegawai]);
        await client.SignInAsync("sesi.pensiun");
        await using (var db = factory.CreateDbContext())
        {
            await db.Employees.Where(e => e.Id == employeeId).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false));
        }

        factory.Time.Advance(PastTheCheck);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/akun/masuk", after.Headers.Location!.PathAndQuery);
    }
}
