using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

/// <summary>
/// E-Surat keeps the organisation (people, units, who leads) between calls; an edit saved in this portal is seen by
/// the very next call, never a stale copy.
/// </summary>
public class LetterDirectoryCacheTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<RegistrationOptions> OptionsAsync()
    {
        await using var scope = await factory.ScopeForAsync("agendaris");
        return await scope.ServiceProvider.GetRequiredService<RegisterLetter>().GetOptionsAsync();
    }

    [Fact]
    public async Task ANewLeaderARenameAndADepartureAreSeenByTheNextCall()
    {
        var staff = await factory.EmployeeOfAsync("pegawai");
        var before = await OptionsAsync();
        Assert.DoesNotContain(before.Addressees, p => p.Id == staff);
        Assert.Contains(before.People, p => p.Id == staff);

        // The role is given through the account manager, as the accounts page does.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByNameAsync("pegawai");
            Assert.True((await users.AddToRoleAsync(user!, Roles.Pimpinan)).Succeeded);
        }
        Assert.Contains((await OptionsAsync()).Addressees, p => p.Id == staff);

        await using (var db = factory.CreateDbContext())
        {
            var person = await db.Employees.SingleAsync(e => e.Id == staff);
            person.Name = "Nama Baru Setelah Perubahan";
            await db.SaveChangesAsync();
        }
        Assert.Equal("Nama Baru Setelah Perubahan", (await OptionsAsync()).People.Single(p => p.Id == staff).Name);

        await using (var db = factory.CreateDbContext())
        {
            (await db.Employees.SingleAsync(e => e.Id == staff)).IsActive = false;
            await db.SaveChangesAsync();
        }
        var after = await OptionsAsync();
        Assert.DoesNotContain(after.Addressees, p => p.Id == staff);
        Assert.DoesNotContain(after.People, p => p.Id == staff);
    }
}
