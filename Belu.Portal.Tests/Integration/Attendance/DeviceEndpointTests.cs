using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

public class DeviceEndpointTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private async Task<(Guid Id, string Key)> CreateKeyAsync(string name, string? unitCode = null)
    {
        await using var scope = await factory.ScopeForAsync("admin");
        int? unitId = null;
        if (unitCode is not null)
        {
            await using var db = factory.CreateDbContext();
            unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        }
        var created = await scope.ServiceProvider.GetRequiredService<RegisterDevice>().CreateApiDeviceAsync(name, unitId);
        return (created.Id, created.Key);
    }

    private async Task<HttpResponseMessage> PostAsync(string? key, string json)
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/absensi/punches") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("X-Device-Key", key);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AGoodKeyStoresTheGoodPunchesAndReportsTheRestAndTwiceChangesNothing()
    {
        var (_, key) = await CreateKeyAsync("Jembatan mesin lama");
        var (employee, nip) = await factory.StaffWithCleanRecordAsync("DINKES");
        var before = (await factory.PunchesOfAsync(employee)).Count;
        var json = $$"""
            [
              {"pin": "{{nip}}", "timestamp": "2026-11-27T07:20:00+08:00"},
              {"pin": "{{nip}}", "timestamp": "2026-11-27T07:20:30+08:00"},
              {"pin": "999999", "timestamp": "2026-11-27T07:21:00+08:00"},
              {"pin": "{{nip}}", "timestamp": "2026-11-28T07:20:00+08:00"},
              {"pin": "{{nip}}", "timestamp": "2023-01-02T07:20:00+08:00"},
              {"pin": "{{nip}}", "timestamp": "kemarin pagi"},
              {"timestamp": "2026-11-27T07:22:00+08:00"},
              {"pin": "{{nip}}", "timestamp": "2026-11-26 16:05:00"}
            ]
            """;
        var response = await PostAsync(key, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicated").GetInt32());
        Assert.Equal(5, body.GetProperty("rejected").GetInt32());
        // Yesterday is closed: a machine's line for it waits for an admin's review.
        Assert.Equal(1, body.GetProperty("parked").GetInt32());
        var reasons = body.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("index").GetInt32(), e => e.GetProperty("reason").GetString()!);
        Assert.Contains("tidak dikenal", reasons[2]);
        Assert.Contains("masa depan", reasons[3]);
        Assert.Contains("terlalu lama", reasons[4]);
        Assert.Contains("tidak dikenali", reasons[5]);
        Assert.Contains("kosong", reasons[6]);

        var punches = await factory.PunchesOfAsync(employee);
        Assert.Equal(before + 1, punches.Count);
        Assert.Contains(punches, p => p.AtUtc == new DateTime(2026, 11, 26, 23, 20, 0, DateTimeKind.Utc) && p.Source == PunchSource.DeviceApi);
        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.MachineLines.AnyAsync(l => l.EmployeeId == employee && l.AtUtc == new DateTime(2026, 11, 26, 8, 5, 0, DateTimeKind.Utc)));
        }

        var again = await (await PostAsync(key, json)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(3, again.GetProperty("duplicated").GetInt32());
        Assert.Equal(before + 1, (await factory.PunchesOfAsync(employee)).Count);
    }

    [Fact]
    public async Task APunchForAClosedDayWaitsForTheAdminAndRewritesThatDayOnlyOnceAccepted()
    {
        var (deviceId, key) = await CreateKeyAsync("Mesin cadangan");
        var (employee, nip) = await factory.StaffWithCleanRecordAsync("DINSOS");
        var thursday = new DateOnly(2026, 11, 26);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Null(await AttendanceTestData.DayAsync(db, employee, thursday));
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DailyCloseService>().CloseDayAsync(thursday);
        }
        var json = $$"""[{"pin": "{{nip}}", "timestamp": "2026-11-26T07:10:00+08:00"}, {"pin": "{{nip}}", "timestamp": "2026-11-26T16:10:00+08:00"}]""";
        var body = await (await PostAsync(key, json)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("accepted").GetInt32());
        Assert.Equal(2, body.GetProperty("parked").GetInt32());

        // Resent: parked once.
        Assert.Equal(0, (await (await PostAsync(key, json)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parked").GetInt32());
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(Belu.Portal.Features.Attendance.Domain.AttendanceCode.TK, (await AttendanceTestData.DayAsync(db, employee, thursday))!.Code);
            Assert.Equal(2, await db.MachineLines.CountAsync(l => l.DeviceId == deviceId && l.Status == Belu.Portal.Features.Attendance.Devices.MachineLineStatus.Menunggu));
        }
        Assert.Empty(await factory.PunchesOfAsync(employee));

        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            var waiting = await scope.ServiceProvider.GetRequiredService<MachineQueries>().LinesAsync(deviceId, waitingOnly: true);
            foreach (var line in waiting)
            {
                await scope.ServiceProvider.GetRequiredService<MachineCorrections>().AcceptAsync(line.Id, "Mesin sempat mati listrik, data benar.");
            }
        }
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(Belu.Portal.Features.Attendance.Domain.AttendanceCode.H, (await AttendanceTestData.DayAsync(db, employee, thursday))!.Code);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "attendance.machine-line.accepted" && a.Subject!.StartsWith(nip)));
        }
        Assert.Equal(2, (await factory.PunchesOfAsync(employee)).Count);
    }

    [Fact]
    public async Task AMissingForgedOrRevokedKeyGets401AndStoresNothing()
    {
        var (employee, nip) = await factory.StaffWithCleanRecordAsync("DISHUB");
        var json = $$"""[{"pin": "{{nip}}", "timestamp": "2026-11-27T07:20:00+08:00"}]""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(null, json)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("belu_" + new string('a', 64), json)).StatusCode);

        var (id, key) = await CreateKeyAsync("Kunci yang akan dicabut");
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            await scope.ServiceProvider.GetRequiredService<RevokeDevice>().RevokeDeviceAsync(id);
        }
        var revoked = await PostAsync(key, json);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("dicabut", await revoked.Content.ReadAsStringAsync());
        Assert.Empty(await factory.PunchesOfAsync(employee));

        await using var db = factory.CreateDbContext();
        var stored = await db.AttendanceDevices.SingleAsync(d => d.Id == id);
        Assert.DoesNotContain(key, stored.KeyHash);
        Assert.Equal(64, stored.KeyHash!.Length);
    }

    [Fact]
    public async Task AKeyForAnotherSiteCannotPunchEmployeesOutsideIt()
    {
        var (_, key) = await CreateKeyAsync("Mesin kantor BKPSDM", "BKPSDM");
        var (outsider, outsiderNip) = await factory.StaffWithCleanRecordAsync("PUPR");
        var (insider, insiderNip) = await factory.StaffWithCleanRecordAsync("BKPSDM");
        var json = $$"""[{"pin": "{{outsiderNip}}", "timestamp": "2026-11-27T07:00:00+08:00"}, {"pin": "{{insiderNip}}", "timestamp": "2026-11-27T07:01:00+08:00"}]""";
        var body = await (await PostAsync(key, json)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("rejected").GetInt32());
        Assert.Contains("di luar unit kerja", body.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.Empty(await factory.PunchesOfAsync(outsider));
        Assert.Contains(await factory.PunchesOfAsync(insider), p => p.AtUtc == new DateTime(2026, 11, 26, 23, 1, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task APinTheAdminRegisteredFindsItsEmployeeAndAnInactiveEmployeeIsRefused()
    {
        var (_, key) = await CreateKeyAsync("Mesin dengan PIN sendiri");
        var (holder, _) = await factory.StaffWithCleanRecordAsync("DINKES", skip: 3);
        var (leaver, leaverNip) = await factory.StaffWithCleanRecordAsync("DINKES", skip: 4);
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            await scope.ServiceProvider.GetRequiredService<SavePin>().AddPinAsync("7731", holder);
        }
        await using (var db = factory.CreateDbContext())
        {
            await db.Employees.Where(e => e.Id == leaver).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false));
        }
        var json = $$"""[{"pin": "7731", "timestamp": "2026-11-27T07:05:00+08:00"}, {"pin": "{{leaverNip}}", "timestamp": "2026-11-27T07:06:00+08:00"}]""";

        var body = await (await PostAsync(key, json)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("rejected").GetInt32());
        Assert.Equal(1, body.GetProperty("errors")[0].GetProperty("index").GetInt32());
        Assert.Contains("tidak aktif", body.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.Contains(await factory.PunchesOfAsync(holder), p => p.AtUtc == new DateTime(2026, 11, 26, 23, 5, 0, DateTimeKind.Utc) && p.Source == PunchSource.DeviceApi);
        Assert.DoesNotContain(await factory.PunchesOfAsync(leaver), p => p.AtUtc == new DateTime(2026, 11, 26, 23, 6, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task ALateMachinePunchIsAnnouncedButNotForSomeoneOnApprovedDuty()
    {
        var events = new System.Collections.Concurrent.ConcurrentBag<Belu.Portal.Features.Notifications.PortalEvent>();
        using var subscription = factory.Services.GetRequiredService<Belu.Portal.Features.Notifications.IPortalNotifier>().Subscribe(e =>
        {
            events.Add(e);
            return Task.CompletedTask;
        });
        var (_, key) = await CreateKeyAsync("Mesin lobi");
        var (onDuty, onDutyNip) = await factory.StaffWithCleanRecordAsync("DINKES", skip: 5);
        var (late, lateNip) = await factory.StaffWithCleanRecordAsync("DINKES", skip: 6);
        await using (var db = factory.CreateDbContext())
        {
            db.AttendanceRequests.Add(new AttendanceRequest
            {
                EmployeeId = onDuty, Kind = Belu.Portal.Features.Attendance.Domain.RequestKind.DL, From = FakeClock.StartDay,
                To = FakeClock.StartDay, Reason = "Rapat koordinasi di Kupang", Status = RequestStatus.Disetujui,
            });
            await db.SaveChangesAsync();
        }
        var json = $$"""[{"pin": "{{onDutyNip}}", "timestamp": "2026-11-27T07:43:00+08:00"}, {"pin": "{{lateNip}}", "timestamp": "2026-11-27T07:44:00+08:00"}]""";

        var body = await (await PostAsync(key, json)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Single(events.OfType<CheckedInLateEvent>(), e => e.EmployeeId == late);
        Assert.DoesNotContain(events.OfType<CheckedInLateEvent>(), e => e.EmployeeId == onDuty);
    }

    [Fact]
    public async Task ABodyThatIsNotAnArrayIsABadRequest()
    {
        var (_, key) = await CreateKeyAsync("Kiriman salah");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(key, "{\"pin\": \"1\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(key, "bukan json")).StatusCode);
    }
}
