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

    [Fact]
    public async Task OnlyAnAdminQueuesACommandAndARevokedMachineIsNeverHandedOne()
    {
        var (id, machine) = await MachineAsync("ZKCMD0002", "127.0.0.32");
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            var queue = scope.ServiceProvider.GetRequiredService<QueueMachineCommand>();
            await Assert.ThrowsAsync<ForbiddenException>(() => queue.RebootAsync(id));
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<MachineCommandQueries>().HistoryAsync(id));
        }
        var info = await QueueAsync(q => q.InfoAsync(id));
        await AsAdminAsync(async sp =>
        {
            await sp.GetRequiredService<RevokeDevice>().RevokeDeviceAsync(id);
            return 0;
        });
        var poll = await machine.PollAsync();
        Assert.Empty(poll);
        Assert.Equal((int)HttpStatusCode.Forbidden, machine.Sent[^1].Status);
        Assert.Equal(MachineCommandState.Antre, (await HistoryAsync(id)).Single(c => c.Id == info).State);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => QueueAsync(q => q.SetClockAsync(id)));
        Assert.Contains("dicabut", refused.Message);
    }

    [Fact]
    public async Task AFailedAnswerKeepsItsCodeAndInfoAndRebootAreShownOnTheMachinePage()
    {
        var (id, machine) = await MachineAsync("ZKCMD0003", "127.0.0.33");
        var (employee, _) = await factory.StaffWithCleanRecordAsync("DINSOS", skip: 2);
        machine.FailWith["DATA"] = -1002;
        var put = await QueueAsync(q => q.PutUserAsync(id, employee));
        var info = await QueueAsync(q => q.InfoAsync(id));
        var reboot = await QueueAsync(q => q.RebootAsync(id));
        Assert.Equal(3, (await machine.PollAsync()).Count);
        var history = await HistoryAsync(id);
        Assert.Equal((MachineCommandState.Gagal, -1002), history.Where(c => c.Id == put).Select(c => (c.State, c.ReturnCode!.Value)).Single());
        Assert.Equal(MachineCommandState.Selesai, history.Single(c => c.Id == info).State);
        Assert.Equal(MachineCommandState.Selesai, history.Single(c => c.Id == reboot).State);
        Assert.Equal(1, machine.Reboots);
        Assert.Empty(machine.Users);

        var view = await AsAdminAsync(sp => sp.GetRequiredService<MachineCommandQueries>().MachineAsync(id));
        Assert.Equal(("Ver 6.60 Jun 9 2020", 0, 0), (view.Firmware, view.Users, view.Logs));
        var onEmployeePage = await AsAdminAsync(sp => sp.GetRequiredService<MachineCommandQueries>().ForEmployeeAsync(employee));
        Assert.Equal(MachineCommandState.Gagal, onEmployeePage.Single(m => m.DeviceId == id).Last!.State);

        // A second answer to the same command (a retry after a lost OK) changes nothing.
        Assert.Equal(0, await AsAdminAsync(sp => sp.GetRequiredService<MachineCommandDesk>().RecordRepliesAsync(
            new AttendanceDevice { Id = id, Name = "x" }, $"ID={put}&Return=0&CMD=DATA\n")));
        Assert.Equal(MachineCommandState.Gagal, (await HistoryAsync(id)).Single(c => c.Id == put).State);
        AssertEveryRequestHadAFixture(machine);
    }

    [Fact]
    public async Task AMachineSilentInWorkingHoursIsAnnouncedOnceOnTheKominfoBoardAndAlertedToTheAdmin()
    {
        var (id, machine) = await MachineAsync("ZKCMD0004", "127.0.0.34");
        await machine.HandshakeAsync();
        await machine.PollAsync();
        factory.SetLocal(Friday, 9, 0);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The watch also runs on its own timer (which the clock's jump may have fired): however often it runs,
            // one silence is one announcement.
            var watch = scope.ServiceProvider.GetRequiredService<AnnounceSilentMachines>();
            await watch.RunAsync();
            await watch.RunAsync();
        }
        await using (var db = factory.CreateDbContext())
        {
            var kominfo = await db.Units.Where(u => u.Code == "DISKOMINFO").Select(u => u.Id).SingleAsync();
            var line = Assert.Single(await db.RecentEvents.Where(e => e.Kind == nameof(MachineSilentEvent) && e.Text.Contains("Mesin ZKCMD0004")).ToListAsync());
            Assert.Equal(kominfo, line.OpdId);
            Assert.Contains("tidak terhubung ke portal selama", line.Text);
        }
        var alerts = await AsAdminAsync(sp => sp.GetRequiredService<MachineQueries>().AlertsAsync());
        Assert.Contains(alerts, a => a.DeviceId == id && a.Text.StartsWith("Tidak terhubung pada jam kerja", StringComparison.Ordinal));

        // The machine is back: the alert ends.
        await machine.PollAsync();
        alerts = await AsAdminAsync(sp => sp.GetRequiredService<MachineQueries>().AlertsAsync());
        Assert.DoesNotContain(alerts, a => a.DeviceId == id && a.Text.StartsWith("Tidak terhubung pada jam kerja", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACommandItsMachineNeverAnswersFailsAfterTheTimeoutAndTheAdminQueuesItAgain()
    {
        var (id, machine) = await MachineAsync("ZKCMD0005", "127.0.0.35");
        // The machine takes the reboot and goes dark without a word.
        machine.Unanswered.Add("REBOOT");
        var reboot = await QueueAsync(q => q.RebootAsync(id));
        Assert.Equal($"C:{reboot}:REBOOT", Assert.Single(await machine.PollAsync()));
        async Task<MachineCommandRow> CommandAsync(int command) => (await HistoryAsync(id)).Single(c => c.Id == command);
        async Task ExpireAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ExpireUnansweredCommands>().RunAsync();
        }

        // Inside Adms:CommandAnswerMinutes (30) the answer may still come: sent.
        factory.Time.Advance(TimeSpan.FromMinutes(29));
        await ExpireAsync();
        Assert.Equal(MachineCommandState.Terkirim, (await CommandAsync(reboot)).State);
        // Past it: failed, with no code, "tidak dijawab mesin" in the history and on the employee's page alike.
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await ExpireAsync();
        var failed = await CommandAsync(reboot);
        Assert.Equal((MachineCommandState.Gagal, (int?)null, true), (failed.State, failed.ReturnCode, failed.Unanswered));
        Assert.True(failed.MayQueueAgain);

        // The admin queues it again: a new command, which the machine (answering again) carries out.
        machine.Unanswered.Clear();
        var again = await QueueAsync(q => q.QueueAgainAsync(reboot));
        Assert.NotEqual(reboot, again);
        Assert.Equal($"C:{again}:REBOOT", Assert.Single(await machine.PollAsync()));
        Assert.Equal((MachineCommandState.Selesai, 0), ((await CommandAsync(again)).State, (await CommandAsync(again)).ReturnCode));
        Assert.True((await CommandAsync(reboot)).Unanswered);
        Assert.Equal(1, machine.Reboots);
        var notFailed = await Assert.ThrowsAsync<ValidationException>(() => QueueAsync(q => q.QueueAgainAsync(again)));
        Assert.Contains("Hanya perintah yang gagal", notFailed.Message);
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<QueueMachineCommand>().QueueAgainAsync(reboot));
        }

        // An answer that comes after all is what the machine did.
        Assert.Equal(1, await AsAdminAsync(sp => sp.GetRequiredService<MachineCommandDesk>().RecordRepliesAsync(
            new AttendanceDevice { Id = id, Name = "x" }, $"ID={reboot}&Return=0&CMD=REBOOT\n")));
        Assert.Equal((MachineCommandState.Selesai, 0), ((await CommandAsync(reboot)).State, (await CommandAsync(reboot)).ReturnCode));
        AssertEveryRequestHadAFixture(machine);
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
