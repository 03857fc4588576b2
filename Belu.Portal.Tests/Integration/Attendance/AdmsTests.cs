using System.Net;
using System.Text;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Tests.Integration.Attendance;

public class AdmsTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private const string Serial = AttendanceDemoSeed.DemoMachineSerial;

    [Fact]
    public async Task AnApprovedMachineGetsItsOptionsAndUploadsAttLog()
    {
        // The demo machine is approved for this computer (loopback).
        var client = TestRemoteAddress.From(factory, "127.0.0.1");
        var handshake = await client.GetAsync($"/iclock/cdata?SN={Serial}&options=all&pushver=2.4.1&language=69");
        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        var options = await handshake.Content.ReadAsStringAsync();
        Assert.StartsWith($"GET OPTION FROM: {Serial}", options);
        foreach (var key in new[] { "Stamp=", "ErrorDelay=", "Delay=", "TransTimes=", "TransInterval=", "TransFlag=", "Realtime=1", "Encrypt=", "TimeZone=8",
                     "\nServerVer=", "\nPushProtVer=" })
        {
            Assert.Contains(key, options);
        }

        var (first, firstNip) = await factory.StaffWithCleanRecordAsync("DISKOMINFO");
        var (second, secondNip) = await factory.StaffWithCleanRecordAsync("DISKOMINFO", skip: 1);
        var (outsider, outsiderNip) = await factory.StaffWithCleanRecordAsync("KESBANGPOL");
        var body = $"{firstNip}\t2026-11-27 07:12:45\t0\t1\t0\t0\t0\t0\t0\t0\n" +
                   $"{secondNip}\t2026-11-27 07:40:02\t0\t1\t0\t0\t0\t0\t0\t0\n" +
                   "77777\t2026-11-27 07:41:00\t0\t1\t0\t0\t0\t0\t0\t0\n" +
                   $"{outsiderNip}\t2026-11-27 07:42:00\t0\t1\t0\t0\t0\t0\t0\t0\n" +
                   "rusak\n";
        var upload = await client.PostAsync($"/iclock/cdata?SN={Serial}&table=ATTLOG&Stamp=9999", new StringContent(body, Encoding.ASCII, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("OK: 5", await upload.Content.ReadAsStringAsync());

        // Device clocks are local WITA: 07:12:45 is 23:12:45 UTC the day before.
        Assert.Contains(await factory.PunchesOfAsync(first), p => p.AtUtc == new DateTime(2026, 11, 26, 23, 12, 45, DateTimeKind.Utc) && p.Source == PunchSource.Adms && p.DeviceId != null);
        Assert.Contains(await factory.PunchesOfAsync(second), p => p.AtUtc == new DateTime(2026, 11, 26, 23, 40, 2, DateTimeKind.Utc));

        // The machine stands in Diskominfo: a punch of someone from another OPD is not stored.
        Assert.Empty(await factory.PunchesOfAsync(outsider));

        // The machine resends after a lost answer: nothing changes.
        var count = (await factory.PunchesOfAsync(first)).Count;
        Assert.Equal("OK: 5", await (await client.PostAsync($"/iclock/cdata?SN={Serial}&table=ATTLOG&Stamp=9999", new StringContent(body))).Content.ReadAsStringAsync());
        Assert.Equal(count, (await factory.PunchesOfAsync(first)).Count);

        var operations = await client.PostAsync($"/iclock/cdata?SN={Serial}&table=OPERLOG&Stamp=1", new StringContent("OPLOG 6\t0\t2026-11-27 07:00:00\t0\t0\t0\t0\nOPLOG 4\t0\t2026-11-27 07:01:00\t0\t0\t0\t0\n"));
        Assert.Equal("OK: 2", await operations.Content.ReadAsStringAsync());

        var poll = await client.GetAsync($"/iclock/getrequest?SN={Serial}");
        Assert.Equal("OK", await poll.Content.ReadAsStringAsync());
        Assert.Equal("OK", await (await client.GetAsync($"/iclock/getrequest.aspx?SN={Serial}")).Content.ReadAsStringAsync());

        await using var db = factory.CreateDbContext();
        Assert.NotNull((await db.AttendanceDevices.SingleAsync(d => d.SerialNumber == Serial)).LastSeenUtc);
    }
}
