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

/// <summary>A machine's lines that do not go straight into the day: parked for review, or refused, each visible with its reason.</summary>
public class MachineLineReviewTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    private static StringContent AttLog(IEnumerable<string> lines) => new(string.Join("\n", lines) + "\n", Encoding.ASCII, "text/plain");

    private static string Line(string pin, string local) => $"{pin}\t{local}\t0\t1\t0\t0\t0\t0\t0\t0";

    /// <summary>An approved machine for every unit, at a loopback address of its own, and a client sending from there.</summary>
    private async Task<(Guid Id, HttpClient Client)> MachineAsync(string serial, string address)
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var id = await scope.ServiceProvider.GetRequiredService<RegisterDevice>().RegisterMachineAsync($"Mesin {serial}", serial, null, network: address);
        return (id, TestRemoteAddress.From(factory, address));
    }

    private async Task CloseThursdayAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DailyCloseService>().CloseDayAsync(Thursday);
    }

    [Fact]
    public async Task AMachineLineForAClosedDayNeverRewritesItUntilAnAdminAcceptsIt()
    {
        var (machine, client) = await MachineAsync("ZKREVIEW01", "127.0.0.21");
        var (employee, nip) = await factory.StaffWithCleanRecordAsync("DINSOS", skip: 1);
        await CloseThursdayAsync();
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(AttendanceCode.TK, (await AttendanceTestData.DayAsync(db, employee, Thursday))!.Code);
        }

        var body = AttLog([Line(nip, "2026-11-26 07:05:00"), Line(nip, "2026-11-26 16:20:00"), Line(nip, "2026-11-26 12:00:00")]);
        var reply = await client.PostAsync("/iclock/cdata?SN=ZKREVIEW01&table=ATTLOG", body);
        // Every line is dealt with (parked), so the machine is told all three were processed and stops resending.
        Assert.Equal("OK: 3", await reply.Content.ReadAsStringAsync());
        Assert.Empty(await factory.PunchesOfAsync(employee));
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(AttendanceCode.TK, (await AttendanceTestData.DayAsync(db, employee, Thursday))!.Code);
        }

        await using var scope = await factory.ScopeForAsync("admin");
        var queries = scope.ServiceProvider.GetRequiredService<MachineQueries>();
        var corrections = scope.ServiceProvider.GetRequiredService<MachineCorrections>();
        var waiting = await queries.LinesAsync(machine, waitingOnly: true);
        Assert.Equal(3, waiting.Count);
        Assert.All(waiting, l => Assert.Contains("sudah ditutup", l.Reason));
        Assert.All(waiting, l => Assert.Equal("127.0.0.21", l.Address));

        var noon = waiting.Single(l => l.AtUtc == new DateTime(2026, 11, 26, 4, 0, 0, DateTimeKind.Utc));
        await Assert.ThrowsAsync<ValidationException>(() => corrections.RejectAsync(noon.Id, ""));
        await corrections.RejectAsync(noon.Id, "Pegawai sedang cuti di Atambua, bukan dia.");
        foreach (var line in waiting.Where(l => l.Id != noon.Id))
        {
            await corrections.AcceptAsync(line.Id, "Mesin mati listrik kemarin; data sesuai.");
        }
        await Assert.ThrowsAsync<ValidationException>(() => corrections.AcceptAsync(noon.Id, "berubah pikiran"));

        await using (var db = factory.CreateDbContext())
        {
            var day = (await AttendanceTestData.DayAsync(db, employee, Thursday))!;
            Assert.Equal(AttendanceCode.H, day.Code);
            Assert.Equal(new TimeOnly(7, 5), day.CheckIn);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "attendance.machine-line.rejected" && a.Detail!.Contains("cuti di Atambua")));
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "attendance.machine-line.accepted" && a.Subject!.StartsWith(nip)));
        }
        Assert.Equal(2, (await factory.PunchesOfAsync(employee)).Count);
        Assert.Empty(await queries.LinesAsync(machine, waitingOnly: true));

        // Sent again later: the decided lines stay decided, nothing is parked twice.
        await client.PostAsync("/iclock/cdata?SN=ZKREVIEW01&table=ATTLOG", AttLog([Line(nip, "2026-11-26 12:00:00")]));
        Assert.Empty(await queries.LinesAsync(machine, waitingOnly: true));
    }

    [Fact]
    public async Task RefusedLinesAreKeptPerMachineWithTheirReasonAndTheMachineIsToldAllWereProcessed()
    {
        var (machine, client) = await MachineAsync("ZKREVIEW02", "127.0.0.22");
        var (employee, nip) = await factory.StaffWithCleanRecordAsync("DINSOS", skip: 2);
        var reply = await client.PostAsync("/iclock/cdata?SN=ZKREVIEW02&table=ATTLOG", AttLog([
            Line(nip, "2026-11-27 07:20:00"),
            Line(nip, "2026-11-28 07:20:00"),
            Line(nip, "2026-10-20 07:20:00"),
            Line("88888", "2026-11-27 07:21:00"),
            "bukan baris absen",
        ]));
        Assert.Equal("OK: 5", await reply.Content.ReadAsStringAsync());
        Assert.Single(await factory.PunchesOfAsync(employee));

        await using var scope = await factory.ScopeForAsync("admin");
        var lines = await scope.ServiceProvider.GetRequiredService<MachineQueries>().LinesAsync(machine);
        Assert.Equal(4, lines.Count);
        Assert.All(lines, l => Assert.Equal(MachineLineStatus.Ditolak, l.Status));
        Assert.Contains(lines, l => l.Reason.Contains("masa depan") && l.Pin == nip);
        // 38 days back: within the import's 62 days, but beyond a machine's window (Attendance:MachineMaxAgeDays = 31).
        Assert.Contains(lines, l => l.Reason.Contains("terlalu lama (lebih dari 31 hari") && l.EmployeeName != null);
        Assert.Contains(lines, l => l.Reason.Contains("88888") && l.Reason.Contains("tidak dikenal"));
        Assert.Contains(lines, l => l.Reason.StartsWith("Baris 5:"));

        await using var pegawai = await factory.ScopeForAsync("pegawai");
        await Assert.ThrowsAsync<ForbiddenException>(() => pegawai.ServiceProvider.GetRequiredService<MachineQueries>().LinesAsync(machine));
    }

    [Fact]
    public async Task ABurstOfLinesForClosedDaysIsAnAlert()
    {
        var (machine, client) = await MachineAsync("ZKREVIEW03", "127.0.0.23");
        var (_, nip) = await factory.StaffWithCleanRecordAsync("DINSOS", skip: 3);
        await CloseThursdayAsync();
        var lines = Enumerable.Range(0, 20).Select(i => Line(nip, $"2026-11-26 {8 + i / 6:00}:{i % 6 * 10:00}:00"));
        Assert.Equal("OK: 20", await (await client.PostAsync("/iclock/cdata?SN=ZKREVIEW03&table=ATTLOG", AttLog(lines))).Content.ReadAsStringAsync());

        await using var scope = await factory.ScopeForAsync("admin");
        var alerts = await scope.ServiceProvider.GetRequiredService<MachineQueries>().AlertsAsync();
        Assert.Contains(alerts, a => a.DeviceId == machine && a.Kind == MachineEventKind.LonjakanMundur && a.Serious && a.Text.StartsWith("20 baris"));
    }
}
