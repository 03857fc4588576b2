using Belu.Portal.Components.Layout;
using Belu.Portal.Features.Accounts;
using Bunit;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Components;

public class AttendanceNavTests
{
    private static async Task<IReadOnlyList<string>> LinksFor(string[] roles, string[] policies)
    {
        await using var ctx = new MudContext();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("uji");
        auth.SetRoles(roles);
        auth.SetPolicies(policies);
        return ctx.Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
    }

    [Fact]
    public async Task APegawaiSeesCheckInRequestsAndTheirDisciplineOnly()
    {
        var links = await LinksFor([Roles.Pegawai], [Policies.Pegawai, Policies.Staff]);
        Assert.Contains("/absensi", links);
        Assert.Contains("/absensi/permohonan", links);
        Assert.Contains("/absensi/disiplin", links);
        Assert.DoesNotContain("/absensi/rekap", links);
        Assert.DoesNotContain("/absensi/kiosk", links);
        Assert.DoesNotContain(links, l => l.StartsWith("/admin/absensi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALeaderSeesTodayAndTheRecap()
    {
        var links = await LinksFor([Roles.Pimpinan, Roles.Pegawai], [Policies.Pimpinan, Policies.Pegawai, Policies.Staff, Policies.LeaderOrAdmin]);
        Assert.Contains("/absensi/hari-ini", links);
        Assert.Contains("/absensi/rekap", links);
        Assert.DoesNotContain("/admin/absensi/jadwal", links);
    }

    [Fact]
    public async Task ADisplaySeesTheKioskAndAnAdminEverything()
    {
        Assert.Contains("/absensi/kiosk", await LinksFor([Roles.Display], [Policies.Display]));
        var admin = await LinksFor([Roles.Admin, Roles.Pegawai], [Policies.Admin, Policies.Pegawai, Policies.Staff, Policies.LeaderOrAdmin]);
        foreach (var path in new[] { "/admin/absensi/jadwal", "/admin/absensi/libur", "/admin/absensi/perangkat", "/admin/absensi/impor", "/admin/absensi/koreksi", "/admin/absensi/koreksi-mesin", "/absensi/kiosk" })
        {
            Assert.Contains(path, admin);
        }
    }
}
