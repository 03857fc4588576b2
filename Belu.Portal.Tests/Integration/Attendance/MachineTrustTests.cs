using System.Net;
using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>
/// A machine's serial number is printed on its label: it must not be enough to post punches. Other hosts are stood
/// for by loopback addresses (127.0.0.x) set as the request's remote address.
/// </summary>
public class MachineTrustTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static StringContent AttLog(params string[] lines) => new(string.Join("\n", lines) + "\n", Encoding.ASCII, "text/plain");

    private static string Line(string pin, string local) => $"{pin}\t{local}\t0\t1\t0\t0\t0\t0\t0\t0";

    private async Task<AttendanceDevice> MachineAsync(string serial)
    {
        await using var db = factory.CreateDbContext();
        return await db.AttendanceDevices.AsNoTracking().SingleAsync(d => d.SerialNumber == serial);
    }

    private async Task<List<MachineEvent>> EventsAsync(Guid deviceId)
    {
        await using var db = factory.CreateDbContext();
        return await db.MachineEvents.AsNoTracking().Where(e => e.DeviceId == deviceId).ToListAsync();
    }

    private async Task<T> AsAdminAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await factory.ScopeForAsync("admin");
        return await action(scope.ServiceProvider);
    }

    private async Task<Guid> RegisterApprovedAsync(string serial, string network) =>
        await AsAdminAsync(s => s.GetRequiredService<RegisterDevice>().RegisterMachineAsync($"Mesin {serial}", serial, null, network: network));

    [Fact]
    public async Task AnUnknownSerialIsRecordedAsWaitingWithItsAddressAndStoresNothing()
    {
        var client = TestRemoteAddress.From(factory, "127.0.0.5");
        var (employee, nip) = await factory.StaffWithCleanRecordAsync("DPMPTSP");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/iclock/cdata?SN=ZK9000NEW1&options=all&pushver=2.4.1")).StatusCode);
        var upload = await client.PostAsync("/iclock/cdata?SN=ZK9000NEW1&table=ATTLOG&Stamp=9999",
            AttLog(Line(nip, "2026-11-27 07:10:00"), Line(nip, "2026-11-27 07:11:00")));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/iclock/getrequest?SN=ZK9000NEW1")).StatusCode);

        Assert.Empty(await factory.PunchesOfAsync(employee));
        var machine = await MachineAsync("ZK9000NEW1");
        Assert.Equal(MachineApproval.Menunggu, machine.Approval);
        Assert.Equal("127.0.0.5", machine.LastAddress);
        Assert.Null(machine.AllowedNetwork);
        var events = await EventsAsync(machine.Id);
        Assert.Contains(events, e => e.Kind == MachineEventKind.KontakPertama && e.Address == "127.0.0.5");
        Assert.Contains(events, e => e.Kind == MachineEventKind.BelumDisetujui && e.Lines == 2);

        var rows = await AsAdminAsync(s => s.GetRequiredService<AttendanceAdminQueries>().ListDevicesAsync());
        Assert.Contains(rows, r => r.SerialNumber == "ZK9000NEW1" && r.Approval == MachineApproval.Menunggu && r.LastAddress == "127.0.0.5");
    }

    [Fact]
    public async Task AnApprovedMachineIsBoundToTheAddressSeenAndRefusedFromAnyOther()
    {
        var home = TestRemoteAddress.From(factory, "127.0.0.7");
        var (employee, nip) = await factory.StaffWithCleanRecordAsync("DPMPTSP", skip: 1);
        await home.GetAsync("/iclock/cdata?SN=ZK9000NEW2&options=all");
        var machine = await MachineAsync("ZK9000NEW2");

        // Approval is the admin's alone.
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<ApproveMachine>().ApproveAsync(machine.Id, null));
        }
        await AsAdminAsync(async s =>
        {
            await s.GetRequiredService<ApproveMachine>().ApproveAsync(machine.Id, null, "Mesin lobi DPMPTSP");
            return 0;
        });
        Assert.Equal("127.0.0.7/32", (await MachineAsync("ZK9000NEW2")).AllowedNetwork);
        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "attendance.device.approved" && a.Subject == "ZK9000NEW2" && a.UserName == "admin"));
        }

        var accepted = await home.PostAsync("/iclock/cdata?SN=ZK9000NEW2&table=ATTLOG", AttLog(Line(nip, "2026-11-27 07:20:00")));
        Assert.Equal("OK: 1", await accepted.Content.ReadAsStringAsync());
        Assert.Single(await factory.PunchesOfAsync(employee));

        // The same SN read off the label and used from another host.
        var stranger = TestRemoteAddress.From(factory, "127.0.0.8");
        var forged = await stranger.PostAsync("/iclock/cdata?SN=ZK9000NEW2&table=ATTLOG", AttLog(Line(nip, "2026-11-27 07:25:00"), Line(nip, "2026-11-27 16:30:00")));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/iclock/cdata?SN=ZK9000NEW2&options=all")).StatusCode);
        Assert.Single(await factory.PunchesOfAsync(employee));
        Assert.Contains(await EventsAsync(machine.Id), e => e.Kind == MachineEventKind.DiLuarJaringan && e.Address == "127.0.0.8" && e.Lines == 2);
        var alerts = await AsAdminAsync(s => s.GetRequiredService<MachineQueries>().AlertsAsync());
        Assert.Contains(alerts, a => a.DeviceId == machine.Id && a.Serious && a.Text.Contains("127.0.0.8"));
        Assert.Equal("127.0.0.7", (await MachineAsync("ZK9000NEW2")).LastAddress);
    }

    [Fact]
    public async Task AMachineApprovedForARangeMayMoveInsideItAndTheMoveIsAnAlert()
    {
        var id = await RegisterApprovedAsync("ZK9000NEW3", "127.0.1.0/24");
        Assert.Equal(HttpStatusCode.OK, (await TestRemoteAddress.From(factory, "127.0.1.10").GetAsync("/iclock/getrequest?SN=ZK9000NEW3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestRemoteAddress.From(factory, "127.0.1.11").GetAsync("/iclock/getrequest?SN=ZK9000NEW3")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TestRemoteAddress.From(factory, "127.0.2.11").GetAsync("/iclock/getrequest?SN=ZK9000NEW3")).StatusCode);
        Assert.Contains(await EventsAsync(id), e => e.Kind == MachineEventKind.AlamatBaru && e.Address == "127.0.1.11");
    }

    [Fact]
    public async Task ABlockedMachineIsRefusedAndTheRefusalIsRecorded()
    {
        var id = await RegisterApprovedAsync("ZK9000NEW4", "127.0.0.12");
        var (employee, nip) = await factory.StaffWithCleanRecordAsync("DPMPTSP", skip: 2);
        await AsAdminAsync(async s =>
        {
            await s.GetRequiredService<ApproveMachine>().BlockAsync(id);
            return 0;
        });
        var client = TestRemoteAddress.From(factory, "127.0.0.12");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/iclock/cdata?SN=ZK9000NEW4&table=ATTLOG", AttLog(Line(nip, "2026-11-27 07:15:00")))).StatusCode);
        Assert.Empty(await factory.PunchesOfAsync(employee));
        Assert.Contains(await EventsAsync(id), e => e.Kind == MachineEventKind.Diblokir && e.Lines == 1);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "attendance.device.blocked" && a.Subject == "ZK9000NEW4"));
    }

    [Fact]
    public async Task ABadNetworkIsRefusedWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => RegisterApprovedAsync("ZK9000NEW5", "kantor dinas"));
        Assert.Contains("bukan alamat IP", error.Message);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.AttendanceDevices.AnyAsync(d => d.SerialNumber == "ZK9000NEW5"));
    }

    [Fact]
    public async Task PushFirmwareIsAnsweredOnPingRegistryAndPush()
    {
        var client = TestRemoteAddress.From(factory, "127.0.0.1");
        var serial = AttendanceDemoSeed.DemoMachineSerial;
        var ping = await client.GetAsync($"/iclock/ping?SN={serial}");
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal("OK", await ping.Content.ReadAsStringAsync());
        var registry = await client.PostAsync($"/iclock/registry?SN={serial}", new StringContent("DeviceType=att,~DeviceName=ZKTeco,FirmVer=Ver 8.0.4.2"));
        Assert.Equal(HttpStatusCode.OK, registry.StatusCode);
        Assert.Matches("^RegistryCode=[0-9a-f]{12}\n$", await registry.Content.ReadAsStringAsync());
        var push = await (await client.PostAsync($"/iclock/push?SN={serial}", new StringContent(""))).Content.ReadAsStringAsync();
        foreach (var key in new[] { "ServerVersion=", "PushProtVer=", "ErrorDelay=", "RequestDelay=", "TransTables=", "Realtime=1", "SessionID=", "TimeoutSec=" })
        {
            Assert.Contains(key, push);
        }

        // None of them answers a stranger using the same SN.
        var stranger = TestRemoteAddress.From(factory, "127.0.0.99");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/iclock/ping?SN={serial}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync($"/iclock/registry?SN={serial}", new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/iclock/push?SN={serial}")).StatusCode);
    }

    [Fact]
    public async Task AnApprovedMachineThatNeverCallsIsAnAlert()
    {
        var id = await RegisterApprovedAsync("ZK9000NEW6", "127.0.0.13");
        var alerts = await AsAdminAsync(s => s.GetRequiredService<MachineQueries>().AlertsAsync());
        Assert.Contains(alerts, a => a.DeviceId == id && a.Kind == null && a.Text.Contains("Belum pernah terhubung"));
        await TestRemoteAddress.From(factory, "127.0.0.13").GetAsync("/iclock/getrequest?SN=ZK9000NEW6");
        alerts = await AsAdminAsync(s => s.GetRequiredService<MachineQueries>().AlertsAsync());
        Assert.DoesNotContain(alerts, a => a.DeviceId == id && a.Kind == null);
    }
}
