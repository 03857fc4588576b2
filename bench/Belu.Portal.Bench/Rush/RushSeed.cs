using System.Globalization;
using System.Security.Cryptography;
using Belu.Portal.Data;
using Belu.Portal.Data.Postgres;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Bench.Rush;

/// <summary>The bench's people: two units, employees with NIPs for the machines, accounts for the web, one device key.</summary>
internal sealed record RushPeople(int DeviceUnitId, int WebUnitId, IReadOnlyList<(int Id, string Nip)> DeviceStaff,
    IReadOnlyList<(int Id, string UserName)> WebStaff, string DeviceKey);

/// <summary>
/// Seeds the bench's employees straight into the portal's database (after the portal has migrated it and seeded the
/// demo organisation and roles). Accounts share one password hash: hashing is the slow part of creating an account.
/// </summary>
internal static class RushSeed
{
    public const string Password = "Belu#Portal2026";

    public static PortalDbContext Open(string provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        if (provider == "Postgres")
        {
            PostgresDatabase.Configure(options, connectionString);
            return new PostgresPortalDbContext(options.Options);
        }
        options.UseSqlite(connectionString);
        return new PortalDbContext(options.Options);
    }

    /// <summary>An 18-digit NIP-shaped number (birth date, appointment month, sex, sequence), unique per index.</summary>
    public static string Nip(int index)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(index / 900);
        return birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "201001" + "1" + (index % 900 + 1).ToString("000", CultureInfo.InvariantCulture);
    }

    public static async Task<RushPeople> SeedAsync(string provider, string connectionString, int deviceStaff, int webStaff)
    {
        await using var db = Open(provider, connectionString);
        var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstAsync();
        var deviceUnit = new Unit { Name = "Unit Uji Beban (mesin absen)", Code = "UJIBEBAN-MESIN", Kind = UnitKind.Opd, ParentId = root.Id, SortOrder = 900 };
        var webUnit = new Unit { Name = "Unit Uji Beban (absen web)", Code = "UJIBEBAN-WEB", Kind = UnitKind.Opd, ParentId = root.Id, SortOrder = 901 };
        db.Units.AddRange(deviceUnit, webUnit);
        await db.SaveChangesAsync();

        var employees = new List<Employee>();
        for (var i = 0; i < deviceStaff + webStaff; i++)
        {
            employees.Add(new Employee
            {
                Nip = Nip(i),
                Name = $"Pegawai Uji {i + 1:00000}",
                Position = "Pelaksana",
                EmploymentType = EmploymentType.Pns,
                UnitId = i < deviceStaff ? deviceUnit.Id : webUnit.Id,
            });
        }
        db.Employees.AddRange(employees);
        await db.SaveChangesAsync();

        var role = await db.Roles.SingleAsync(r => r.Name == Roles.Pegawai);
        string? hash = null;
        var web = new List<(int, string)>();
        foreach (var employee in employees.Skip(deviceStaff))
        {
            var userName = $"uji.{employee.Id}";
            var user = new ApplicationUser
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                EmployeeId = employee.Id,
                DisplayName = employee.Name,
                EmailConfirmed = true,
                LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            user.PasswordHash = hash ??= new PasswordHasher<ApplicationUser>().HashPassword(user, Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            web.Add((employee.Id, userName));
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.AttendanceDevices.Add(new AttendanceDevice
        {
            Name = "Jembatan uji beban",
            Kind = DeviceKind.Api,
            KeyHash = DeviceIngestService.HashKey(key),
            KeyHint = key[..6],
            CreatedUtc = DateTime.UtcNow,
        });
        // Today's window open all day, so that web check-ins are measured at any hour (refused after 18:00 otherwise); the
        // working day starts at 23:58, so every check-in is on time, as most of a real morning's are.
        db.WorkSchedules.Add(Common.TodaySchedule.AllDay("Jadwal uji beban (hari ini, jendela sepanjang hari)", new TimeOnly(23, 58)));
        await db.SaveChangesAsync();
        return new RushPeople(deviceUnit.Id, webUnit.Id, employees.Take(deviceStaff).Select(e => (e.Id, e.Nip!)).ToList(), web, key);
    }

    /// <summary>Punch rows of one unit's employees: what the database holds, whatever the answers said.</summary>
    public static async Task<int> CountPunchesAsync(string provider, string connectionString, int unitId)
    {
        await using var db = Open(provider, connectionString);
        return await db.Punches.CountAsync(p => db.Employees.Any(e => e.Id == p.EmployeeId && e.UnitId == unitId));
    }
}
