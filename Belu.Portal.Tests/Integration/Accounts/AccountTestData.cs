using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Accounts;

internal static class AccountTestData
{
    /// <summary>A new employee of Diskominfo with an account of these roles and the tests' password.</summary>
    public static async Task<(string UserId, int EmployeeId)> CreateStaffAccountAsync(this PortalFactory factory, string userName, string[] roles)
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
        await users.AddToRolesAsync(user, roles);
        return (user.Id, employee.Id);
    }
}
