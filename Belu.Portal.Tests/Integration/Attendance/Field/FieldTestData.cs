using Belu.Portal.Features.Attendance.Field;
using Belu.Portal.Features.Attendance.Field.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance.Field;

/// <summary>The set-up every field check-in test starts from, on whichever portal it runs.</summary>
public static class FieldTestData
{
    /// <summary>The Kantor Bupati Belu in Atambua: the office site of the tests, 100 m around it.</summary>
    public static readonly GeoPoint Office = new(-9.1067, 124.8925);

    public static GeoPoint North(GeoPoint origin, double metres) => origin with { Latitude = origin.Latitude + metres / 111_195.0 };

    /// <summary>A JPEG as the canvas writes one (only its first bytes are sniffed).</summary>
    public static byte[] Jpeg(int size = 2048)
    {
        var bytes = new byte[size];
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[3] = 0xE0;
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }

    /// <summary>The office site (for everyone) and, with <paramref name="mark"/>, the field mark of <paramref name="user"/>; this morning's punches gone.</summary>
    public static async Task<int> FieldEmployeeAsync(this PortalFactory factory, string user, bool mark = true)
    {
        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            await using var db = factory.CreateDbContext();
            if (!await db.Set<FieldSite>().AnyAsync(s => s.Name == "Kantor Bupati Belu"))
            {
                await admin.ServiceProvider.GetRequiredService<SaveFieldSite>().SaveAsync(new FieldSiteInput
                {
                    Name = "Kantor Bupati Belu", Latitude = Office.Latitude, Longitude = Office.Longitude, RadiusMetres = 100,
                });
            }
            if (mark)
            {
                await admin.ServiceProvider.GetRequiredService<MarkFieldStaff>().MarkAsync(null, await factory.EmployeeIdOfAsync(user), true);
            }
        }
        var employee = await factory.EmployeeIdOfAsync(user);
        await using (var db = factory.CreateDbContext())
        {
            await db.Punches.Where(p => p.EmployeeId == employee && p.AtUtc >= FakeClock.Start.UtcDateTime.AddHours(-8)).ExecuteDeleteAsync();
        }
        return employee;
    }
}
