using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Data.Seed;

/// <summary>
/// Fills a fresh database with the Belu organisation, ~300 employees and one account per role, so a newcomer
/// sees a living portal. Deterministic (fixed random seed). Only an empty database is seeded: one that holds an
/// account or a unit (a real site's, or an earlier demo's) is left exactly as it is, whatever <c>Demo:Seed</c> says.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<DemoOptions> demoOptions,
    TimeProvider time,
    IEnumerable<IDemoSeedStep> featureSteps,
    ILogger<DemoSeeder> logger)
{
    public sealed record DemoAccount(string UserName, string Role, string Description);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", Roles.Admin, "Administrator, Bidang Aplikasi Informatika Diskominfo"),
        new("pimpinan", Roles.Pimpinan, "Kepala Dinas Komunikasi dan Informatika"),
        new("agendaris", Roles.Agendaris, "Agendaris, Sekretariat Diskominfo"),
        new("pegawai", Roles.Pegawai, "Pegawai, Bidang Aplikasi Informatika Diskominfo"),
        new("display", Roles.Display, "Layar monitor ruang Diskominfo"),
    ];

    private const int RandomSeed = 20261128;

    public async Task SeedAsync()
    {
        if (await HoldsDataAsync())
        {
            logger.LogInformation("Demo:Seed is on but the database already holds accounts or units; the demo seed leaves it alone.");
            return;
        }

        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        var plan = await SeedOrganizationAsync();
        await SeedAccountsAsync(plan);

        foreach (var step in featureSteps.OrderBy(s => s.Order))
        {
            await step.SeedAsync();
        }
    }

    /// <summary>A database with anyone's account or any unit belongs to someone: a demo never writes into it.</summary>
    private async Task<bool> HoldsDataAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.AnyAsync() || await db.Units.AnyAsync();
    }

    /// <summary>Which employee each staff demo account belongs to, by NIP.</summary>
    private sealed record AccountPlan(Dictionary<string, string> NipByUserName);

    private async Task<AccountPlan?> SeedOrganizationAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Units.AnyAsync())
        {
            return null;
        }

        var random = new Random(RandomSeed);
        var currentYear = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).Year;
        var nips = new NipFactory(random, currentYear);
        var accounts = new Dictionary<string, string>();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var root = new Unit { Name = BeluOrganization.RootName, Code = BeluOrganization.RootCode, Kind = UnitKind.Pemkab };
        db.Units.Add(root);
        await db.SaveChangesAsync();

        var bupati = Person(random, nips, root, "Bupati Belu", null, EmploymentType.PejabatNegara);
        db.Employees.Add(bupati);
        await db.SaveChangesAsync();
        db.Employees.Add(Person(random, nips, root, "Wakil Bupati Belu", bupati, EmploymentType.PejabatNegara));
        await db.SaveChangesAsync();

        Employee? sekda = null;
        var order = 0;
        foreach (var opd in BeluOrganization.Opds)
        {
            var opdUnit = new Unit { Name = opd.Name, Code = opd.Code, Kind = opd.Kind, ParentId = root.Id, SortOrder = order++ };
            db.Units.Add(opdUnit);
            await db.SaveChangesAsync();

            var headTitle = opd.Kind == UnitKind.Kecamatan ? $"Camat {opd.Name["Kecamatan ".Length..]}"
                : opd.HeadTitle == "Kepala Dinas" || opd.HeadTitle == "Kepala Badan" ? $"{opd.HeadTitle} {ShortName(opd.Name)}"
                : opd.HeadTitle;
            var head = Person(random, nips, opdUnit, headTitle, opd.Code == "SETDA" ? bupati : sekda ?? bupati, EmploymentType.Pns, senior: true);
            db.Employees.Add(head);
            await db.SaveChangesAsync();
            if (opd.Code == "SETDA")
            {
                sekda = head;
            }
            if (opd.Code == "DISKOMINFO")
            {
                accounts["pimpinan"] = head.Nip!;
            }

            for (var i = 0; i < opd.Subunits.Length; i++)
            {
                var name = opd.Subunits[i];
                var sub = new Unit
                {
                    Name = name,
                    Code = BeluOrganization.SubunitCode(opd.Code, i),
                    Kind = BeluOrganization.SubunitKind(name),
                    ParentId = opdUnit.Id,
                    SortOrder = i,
                };
                db.Units.Add(sub);
                await db.SaveChangesAsync();

                var subHead = Person(random, nips, sub, BeluOrganization.SubunitHeadTitle(name), head, EmploymentType.Pns, senior: true);
                db.Employees.Add(subHead);
                await db.SaveChangesAsync();

                var positions = opd.Code == "DISKOMINFO" ? BeluOrganization.KominfoPositions : BeluOrganization.StaffPositions;
                for (var s = 0; s < opd.StaffPerSubunit; s++)
                {
                    var position = positions[random.Next(positions.Length)];
                    if (opd.Code == "DISKOMINFO" && name == "Sekretariat" && s == 0)
                    {
                        position = "Pengadministrasi Perkantoran (Agendaris)";
                    }
                    if (opd.Code == "DISKOMINFO" && name == "Bidang Aplikasi Informatika" && s <= 1)
                    {
                        position = s == 0 ? "Pranata Komputer Ahli Muda" : "Pranata Komputer Ahli Pertama";
                    }
                    var type = s == opd.StaffPerSubunit - 1 && i == 0 && opd.Kind == UnitKind.Opd ? EmploymentType.NonAsn
                        : random.Next(10) == 0 ? EmploymentType.Pppk : EmploymentType.Pns;
                    var staff = Person(random, nips, sub, type == EmploymentType.NonAsn ? "Tenaga Pendukung Administrasi" : position, subHead, type);
                    db.Employees.Add(staff);

                    if (opd.Code == "DISKOMINFO" && name == "Sekretariat" && s == 0)
                    {
                        accounts["agendaris"] = staff.Nip!;
                    }
                    if (opd.Code == "DISKOMINFO" && name == "Bidang Aplikasi Informatika")
                    {
                        if (s == 0)
                        {
                            accounts["admin"] = staff.Nip!;
                        }
                        else if (s == 1)
                        {
                            accounts["pegawai"] = staff.Nip!;
                        }
                    }
                }
                await db.SaveChangesAsync();
            }
        }

        await transaction.CommitAsync();
        logger.LogInformation("Demo organisation seeded: {Units} units, {Employees} employees",
            await db.Units.CountAsync(), await db.Employees.CountAsync());
        return new AccountPlan(accounts);
    }

    private async Task SeedAccountsAsync(AccountPlan? plan)
    {
        var password = demoOptions.Value.Password;
        await using var db = await dbFactory.CreateDbContextAsync();
        foreach (var account in Accounts)
        {
            if (await userManager.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            Employee? employee = null;
            if (account.Role != Roles.Display)
            {
                if (plan is null || !plan.NipByUserName.TryGetValue(account.UserName, out var nip))
                {
                    // The organisation was seeded earlier (or by hand) and this account was removed: leave it be.
                    continue;
                }
                employee = await db.Employees.SingleAsync(e => e.Nip == nip);
            }

            var user = new ApplicationUser
            {
                UserName = account.UserName,
                EmployeeId = employee?.Id,
                DisplayName = employee?.Name ?? "Layar Monitor Diskominfo",
                EmailConfirmed = true,
                LockoutEnabled = true,
            };
            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Akun demo '{account.UserName}' gagal dibuat: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            var roles = account.Role is Roles.Display or Roles.Pegawai ? [account.Role] : new[] { account.Role, Roles.Pegawai };
            await userManager.AddToRolesAsync(user, roles);
        }
    }

    private static Employee Person(Random random, NipFactory nips, Unit unit, string position, Employee? superior, EmploymentType type, bool senior = false)
    {
        var female = random.Next(100) < 45;
        var given = female ? DemoNames.FemaleGiven : DemoNames.MaleGiven;
        var name = $"{given[random.Next(given.Length)]} {DemoNames.Family[random.Next(DemoNames.Family.Length)]}";
        if (type != EmploymentType.NonAsn && random.Next(100) < 70)
        {
            name += ", " + DemoNames.Degrees[random.Next(DemoNames.Degrees.Length)];
        }
        return new Employee
        {
            Name = name,
            Position = position,
            UnitId = unit.Id,
            SuperiorId = superior?.Id,
            EmploymentType = type,
            Nip = type.RequiresNip() ? nips.Next(female, senior) : null,
        };
    }

    private static string ShortName(string opdName)
    {
        var words = opdName.Split(' ');
        return string.Join(' ', words.Skip(1));
    }

    /// <summary>Valid-looking, unique 18-digit NIPs: birth date, appointment month, sex, sequence.</summary>
    private sealed class NipFactory(Random random, int currentYear)
    {
        private readonly HashSet<string> _used = [];

        public string Next(bool female, bool senior)
        {
            while (true)
            {
                var birthYear = senior ? random.Next(1966, 1982) : random.Next(1970, 2001);
                var birth = new DateOnly(birthYear, 1, 1).AddDays(random.Next(365));
                var appointed = Math.Min(currentYear - 1, birthYear + random.Next(23, 33));
                var value = string.Create(CultureInfo.InvariantCulture,
                    $"{birth:yyyyMMdd}{appointed:0000}{random.Next(1, 13):00}{(female ? 2 : 1)}{random.Next(1, 1000):000}");
                if (_used.Add(value))
                {
                    return value;
                }
            }
        }
    }
}
