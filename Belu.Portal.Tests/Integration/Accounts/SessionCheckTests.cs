using System.Net;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Organization;
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
        var userId = await CreateUserAsync("sesi.stempel");
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
        var userId = await CreateUserAsync("sesi.pensiun");
        await client.SignInAsync("sesi.pensiun");
        await using (var db = factory.CreateDbContext())
        {
            var employeeId = await db.Users.Where(u => u.Id == userId).Select(u => u.EmployeeId).SingleAsync();
            await db.Employees.Where(e => e.Id == employeeId).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false));
        }

        factory.Time.Advance(PastTheCheck);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/akun/masuk", after.Headers.Location!.PathAndQuery);
    }

    private async Task<string> CreateUserAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var unit = await db.Units.FirstAsync(u => u.Code == "DISKOMINFO-01");
        var employee = new Employee { Name = "Uji " + userName, Position = "Staf", UnitId = unit.Id, EmploymentType = EmploymentType.NonAsn };
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, EmployeeId = employee.Id, DisplayName = employee.Name, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, PortalFactory.Password)).Succeeded);
        await users.AddToRolesAsync(user, [Roles.Pegawai]);
        return user.Id;
    }
}
