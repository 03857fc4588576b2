using Belu.Portal.Common;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Organization;

public class OrganizationServiceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheDemoSeedHoldsTheBeluOrganisation()
    {
        await using var db = factory.CreateDbContext();
        var topLevel = await db.Units.Where(u => u.Kind == UnitKind.Opd || u.Kind == UnitKind.Kecamatan).Select(u => u.Code).ToListAsync();
        Assert.True(topLevel.Count >= 15, $"only {topLevel.Count} OPD");
        Assert.Contains("SETDA", topLevel);
        Assert.Contains("DISKOMINFO", topLevel);
        Assert.Contains("BKPSDM", topLevel);
        var employees = await db.Employees.ToListAsync();
        Assert.InRange(employees.Count, 250, 400);
        foreach (var nip in employees.Where(e => e.Nip is not null).Select(e => e.Nip))
        {
            Assert.True(Nip.TryParse(nip, 2026, out _, out var error), $"{nip}: {error}");
        }
        Assert.Equal(employees.Count(e => e.Nip != null), employees.Where(e => e.Nip != null).Select(e => e.Nip).Distinct().Count());
        Assert.Contains(employees, e => e.EmploymentType == EmploymentType.NonAsn && e.Nip is null);
    }

    [Fact]
    public async Task SeedingAgainChangesNothing()
    {
        int units, employees, users;
        await using (var db = factory.CreateDbContext())
        {
            (units, employees, users) = (await db.Units.CountAsync(), await db.Employees.CountAsync(), await db.Users.CountAsync());
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(units, await db.Units.CountAsync());
            Assert.Equal(employees, await db.Employees.CountAsync());
            Assert.Equal(users, await db.Users.CountAsync());
        }
    }

    [Fact]
    public async Task ALeaderSeesOnlyThePeopleOfHisOwnUnitTree()
    {
        await using var scope = await factory.ScopeForAsync("pimpinan");
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var page = await organization.SearchEmployeesAsync(new EmployeeQuery(Take: 200));
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, e => Assert.StartsWith("Dinas Komunikasi dan Informatika", e.UnitPath));

        await using var db = factory.CreateDbContext();
        var outsider = await db.Employees.FirstAsync(e => e.Unit!.Code == "DINKES");
        await Assert.ThrowsAsync<NotFoundException>(() => organization.GetEmployeeAsync(outsider.Id));
        var dinkes = await db.Units.FirstAsync(u => u.Code == "DINKES");
        Assert.Empty((await organization.SearchEmployeesAsync(new EmployeeQuery(UnitId: dinkes.Id))).Items);
    }

    [Fact]
    public async Task AnAdminSearchesByNameAndNip()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        await using var db = factory.CreateDbContext();
        var someone = await db.Employees.FirstAsync(e => e.Nip != null && e.Unit!.Code == "DINKES-02");
        var byNip = await organization.SearchEmployeesAsync(new EmployeeQuery(someone.Nip![..12]));
        Assert.Contains(byNip.Items, e => e.Id == someone.Id);
        var byName = await organization.SearchEmployeesAsync(new EmployeeQuery(someone.Name.Split(' ')[0].ToLowerInvariant()));
        Assert.Contains(byName.Items, e => e.Id == someone.Id);
    }

    [Fact]
    public async Task ADuplicateNipIsRefusedWithTheHoldersName()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        await using var db = factory.CreateDbContext();
        var holder = await db.Employees.FirstAsync(e => e.Nip != null);
        var unit = await db.Units.FirstAsync(u => u.Code == "DISKOMINFO-02");
        var count = await db.Employees.CountAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SaveEmployee>().CreateAsync(new EmployeeInput
        {
            Nip = holder.Nip, Name = "Penyusup", Position = "Staf", UnitId = unit.Id,
        }));
        Assert.Contains($"sudah terdaftar atas nama {holder.Name}", error.FieldErrors[nameof(EmployeeInput.Nip)]);
        Assert.Equal(count, await db.Employees.CountAsync());
    }

    [Fact]
    public async Task AMalformedNipChangesNothing()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        await using var db = factory.CreateDbContext();
        var employee = await db.Employees.AsNoTracking().FirstAsync(e => e.Nip != null && e.Unit!.Code == "BAPPEDA-01");
        var input = await organization.GetEmployeeAsync(employee.Id);
        input.Nip = "1985";
        input.Name = "Nama Baru";
        var error = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SaveEmployee>().UpdateAsync(employee.Id, input));
        Assert.Contains("18 angka", error.Message);
        Assert.Equal(employee.Name, (await db.Employees.AsNoTracking().FirstAsync(e => e.Id == employee.Id)).Name);
    }

    [Fact]
    public async Task ContractStaffWithoutNipCanBeAddedAndAudited()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        await using var db = factory.CreateDbContext();
        var unit = await db.Units.FirstAsync(u => u.Code == "DISKOMINFO-03");
        var id = await scope.ServiceProvider.GetRequiredService<SaveEmployee>().CreateAsync(new EmployeeInput
        {
            Name = "Tenaga Kontrak Uji", Position = "Operator", UnitId = unit.Id, EmploymentType = EmploymentType.NonAsn,
        });
        var saved = await db.Employees.SingleAsync(e => e.Id == id);
        Assert.Null(saved.Nip);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "employee.created" && a.UserName == "admin" && a.Subject == "Tenaga Kontrak Uji"));
    }

    [Fact]
    public async Task TwoAdminsEditingTheSameEmployeeTheSecondIsToldToReload()
    {
        await using var first = await factory.ScopeForAsync("admin");
        await using var second = await factory.ScopeForAsync("admin");
        var a = first.ServiceProvider.GetRequiredService<OrganizationService>();
        var b = second.ServiceProvider.GetRequiredService<OrganizationService>();
        await using var db = factory.CreateDbContext();
        var id = (await db.Employees.FirstAsync(e => e.Unit!.Code == "DINSOS-01")).Id;

        var formA = await a.GetEmployeeAsync(id);
        var formB = await b.GetEmployeeAsync(id);
        formA.Position = "Jabatan A";
        formB.Position = "Jabatan B";
        await first.ServiceProvider.GetRequiredService<SaveEmployee>().UpdateAsync(id, formA);
        await Assert.ThrowsAsync<ConcurrencyException>(() => second.ServiceProvider.GetRequiredService<SaveEmployee>().UpdateAsync(id, formB));
        Assert.Equal("Jabatan A", (await db.Employees.AsNoTracking().SingleAsync(e => e.Id == id)).Position);
    }

    [Fact]
    public async Task ASuperiorChainCannotBecomeACircle()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        await using var db = factory.CreateDbContext();
        var staff = await db.Employees.FirstAsync(e => e.SuperiorId != null && e.Unit!.Code == "PUPR-02");
        var boss = await organization.GetEmployeeAsync(staff.SuperiorId!.Value);
        boss.SuperiorId = staff.Id;
        var error = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SaveEmployee>().UpdateAsync(staff.SuperiorId!.Value, boss));
        Assert.Contains("melingkar", error.Message);
    }

    [Fact]
    public async Task AUnitMovedUnderItsOwnDescendantIsRefused()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        await using var db = factory.CreateDbContext();
        var dinkes = await db.Units.FirstAsync(u => u.Code == "DINKES");
        var child = await db.Units.FirstAsync(u => u.ParentId == dinkes.Id);
        var input = await organization.GetUnitAsync(dinkes.Id);
        input.ParentId = child.Id;
        input.Kind = UnitKind.Bidang;
        var error = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SaveUnit>().UpdateAsync(dinkes.Id, input));
        Assert.Contains("turunannya", error.Message);
        Assert.Equal(dinkes.ParentId, (await db.Units.AsNoTracking().SingleAsync(u => u.Id == dinkes.Id)).ParentId);
    }

    [Fact]
    public async Task ABidangMovesToAnotherOpdAndTheMoveIsAudited()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        await using var db = factory.CreateDbContext();
        var bidang = await db.Units.FirstAsync(u => u.Code == "DISHUB-02");
        var target = await db.Units.FirstAsync(u => u.Code == "PUPR");
        var input = await organization.GetUnitAsync(bidang.Id);
        input.ParentId = target.Id;
        await scope.ServiceProvider.GetRequiredService<SaveUnit>().UpdateAsync(bidang.Id, input);
        Assert.Equal(target.Id, (await db.Units.AsNoTracking().SingleAsync(u => u.Id == bidang.Id)).ParentId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "unit.moved" && a.Subject == "DISHUB-02"));
    }
}
