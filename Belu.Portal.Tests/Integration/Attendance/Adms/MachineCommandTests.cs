using System.Net;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Devices.Commands;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance.Adms;

/// <summary>
/// Machines under management, end to end: a simulated machine speaks the push protocol to the real portal over HTTP
/// (requests built from <c>Fixtures/adms</c>), receives the commands an admin queues, and answers them.
/// </summary>
public class MachineCommandTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);
    private static readonly DateOnly Friday = new(2026, 11, 27);

    private DateTime LocalNow() => factory.Time.GetUtcNow().ToOffset(TestClock.Wita).DateTime;

    /// <summary>An approved machine for every unit at a loopback address of its own, and the machine itself.</summary>
    private async Task<(Guid Id, SimulatedMachine Machine)> MachineAsync(string serial, string address)
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var id = await scope.ServiceProvider.GetRequiredService<RegisterDevice>().RegisterMachineAsync($"Mesin {serial}", serial, null, network: address);
        return (id, new SimulatedMachine(TestRemoteAddress.From(factory, address), serial, LocalNow));
    }

    private async Task<T> AsAdminAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await factory.ScopeForAsync("admin");
        return await work(scope.ServiceProvider);
    }

    private Task<int> QueueAsync(Func<QueueMachineCommand, Task<int>> queue) => AsAdminAsync(sp => queue(sp.GetRequiredService<QueueMachineCommand>()));

    private Task<IReadOnlyList<MachineCommandRow>> HistoryAsync(Guid machine) =>
        AsAdminAsync(sp => sp.GetRequiredService<MachineCommandQueries>().HistoryAsync(machine));

    [Fact]
    public async Task ASimulatedMachineReceivesANewEmployeeHasItsClockSetAndResendsAnOutagesLogsWhichLandOnce()
    {
        var (id, machine) = await MachineAsync("ZKCMD0001", "127.0.0.31");
        // Fast, but inside the portal's allowance for punches ahead of its clock (MaxFutureSkewMinutes), so its punches count.
        machine.ClockOffset = TimeSpan.FromMinutes(4);
        Assert.Equal(200, (await machine.HandshakeAsync()).Status);
        var (employee, nip) = await factory.StaffWithCleanRecordAsync("DINSOS");
        var (colleague, colleagueNip) = await factory.StaffWithCleanRecordAsync("DINSOS", skip: 1);
        string name;
        await using (var db = factory.CreateDbContext())
        {
            name = (await db.Employees.SingleAsync(e => e.Id == employee)).Name;
        }

        // Nothing queued: the poll is answered OK and the machine does nothing.
        Assert.Empty(await machine.PollAsync());

        // 1. A new employee, put on the machine from his page.
        var put = await QueueAsync(q => q.PutUserAsync(id, employee));
        Assert.Equal(put, await QueueAsync(q => q.PutUserAsync(id, employee)));  // a double click queues once
        Assert.Equal(MachineCommandState.Antre, (await HistoryAsync(id)).Single(c => c.Id == put).State);
        var received = await machine.PollAsync();
        Assert.Equal($"C:{put}:DATA UPDATE USERINFO PIN={nip}\tName={AdmsCommandText.CleanName(name)}\tPri=0\tPasswd=\tCard=\tGrp=1\tTZ=0000000100000000\tVerify=0", Assert.Single(received));
        Assert.Equal(AdmsCommandText.CleanName(name), machine.Users[nip]);
        var done = (await HistoryAsync(id)).Single(c => c.Id == put);
        Assert.Equal((MachineCommandState.Selesai, 0), (done.State, done.ReturnCode));
        Assert.NotNull(done.SentUtc);
        Assert.Empty(await machine.PollAsync()); // handed out once

        // 2. The machine's clock is 4 minutes fast: its first realtime punch shows it, and the admin is alerted.
        await machine.PunchAsync(nip);
        var alerts = await AsAdminAsync(sp => sp.GetRequiredService<MachineQueries>().AlertsAsync());
        Assert.Contains(alerts, a => a.DeviceId == id && a.Text.Contains("lebih cepat sekitar 4 menit"));
        var clock = await QueueAsync(q => q.SetClockAsync(id));
        Assert.StartsWith($"C:{clock}:SET OPTION DateTime=", Assert.Single(await machine.PollAsync()));
        Assert.Equal(TimeSpan.Zero, machine.ClockOffset);
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await machine.PunchAsync(colleagueNip);
        alerts = await AsAdminAsync(sp => sp.GetRequiredService<MachineQueries>().AlertsAsync());
        Assert.DoesNotContain(alerts, a => a.DeviceId == id && a.Text.Contains("Jam mesin"));
        Assert.Equal(0, (await AsAdminAsync(sp => sp.GetRequiredService<MachineCommandQueries>().MachineAsync(id))).ClockDriftSeconds);

        // 3. An outage: punches kept on the machine, never sent; Thursday has been closed since.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DailyCloseService>().CloseDayAsync(Thursday);
        }
        machine.PunchOffline(colleagueNip, Thursday.ToDateTime(new TimeOnly(7, 20, 15)));
        machine.PunchOffline(colleagueNip, Thursday.ToDateTime(new TimeOnly(16, 5, 0)));
        machine.PunchOffline(nip, Friday.ToDateTime(new TimeOnly(6, 58, 40)));
        var punchesBefore = (await factory.PunchesOfAsync(employee)).Count;
        var colleaguePunches = (await factory.PunchesOfAsync(colleague)).Count;
        var fetch = await QueueAsync(q => q.FetchLogsAsync(id, Thursday, Friday));
        Assert.Equal($"C:{fetch}:DATA QUERY ATTLOG StartTime=2026-11-26 00:00:00\tEndTime=2026-11-27 23:59:59", Assert.Single(await machine.PollAsync()));
        var resent = machine.Sent[^2];
        Assert.Equal(("attlog", 200, "OK: 5"), (resent.Fixture, resent.Status, resent.Answer));
        Assert.Equal(punchesBefore + 1, (await factory.PunchesOfAsync(employee)).Count);
        Assert.Contains(await factory.PunchesOfAsync(employee), p => p.AtUtc == new DateTime(2026, 11, 26, 22, 58, 40, DateTimeKind.Utc));
        await using (var db = factory.CreateDbContext())
        {
            // Thursday's lines wait for review; they are not in the closed day.
            Assert.Equal(2, await db.MachineLines.CountAsync(l => l.DeviceId == id && l.EmployeeId == colleague && l.Status == Features.Attendance.Devices.MachineLineStatus.Menunggu));
        }

        // The same range fetched again: everything is already there, nothing lands twice.
        var again = await QueueAsync(q => q.FetchLogsAsync(id, Thursday, Friday));
        Assert.NotEqual(fetch, again);
        await machine.PollAsync();
        Assert.Equal(punchesBefore + 1, (await factory.PunchesOfAsync(employee)).Count);
        Assert.Equal(colleaguePunches, (await factory.PunchesOfAsync(colleague)).Count);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(2, await db.MachineLines.CountAsync(l => l.DeviceId == id && l.EmployeeId == colleague && l.Status == Features.Attendance.Devices.MachineLineStatus.Menunggu));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "attendance.machine-command.queued" && a.Subject == "ZKCMD0001" && a.Detail!.Contains("Ambil ulang log")));
        }

        Assert.All(await HistoryAsync(id), c => Assert.Equal((MachineCommandState.Selesai, 0), (c.State, c.ReturnCode)));
        AssertEveryRequestHadAFixture(machine);
        Transcript.Write(nameof(ASimulatedMachineReceivesANewEmployeeHasItsClockSetAndResendsAnOutagesLogsWhichLandOnce), machine);
    }

    private static void AssertEveryRequestHadAFixture(SimulatedMachine machine)
    {
        var known = new[] { "handshake", "attlog", "getrequest", "devicecmd" };
        Assert.All(machine.Sent, r =>
        {
            Assert.Contains(r.Fixture, known);
            Assert.StartsWith(FirmwareRequests.Request(r.Fixture).Target.Split('?')[0] + "?SN=" + machine.Serial, r.Target);
        });
    }
}
