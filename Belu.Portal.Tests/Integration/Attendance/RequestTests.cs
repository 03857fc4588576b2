using System.Collections.Concurrent;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

public class RequestTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    /// <summary>Two consecutive closed working days of the employee that no request covers yet.</summary>
    private async Task<(DateOnly From, DateOnly To)> FreeDaysAsync(int employeeId)
    {
        await using var db = factory.CreateDbContext();
        var requests = await db.AttendanceRequests.Where(r => r.EmployeeId == employeeId).ToListAsync();
        for (var d = FakeClock.StartDay.AddDays(-2); ; d = d.AddDays(-1))
        {
            var next = d.AddDays(1);
            var working = d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && next.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (working && !requests.Any(r => r.From <= next && r.To >= d))
            {
                return (d, next);
            }
        }
    }

    [Fact]
    public async Task AnApprovalRewritesTheClosedDaysAndTellsTheRequester()
    {
        var events = new ConcurrentBag<PortalEvent>();
        using var subscription = factory.Services.GetRequiredService<IPortalNotifier>().Subscribe(e =>
        {
            events.Add(e);
            return Task.CompletedTask;
        });
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        // The direct superior of the demo 'pegawai' is the head of Bidang Aplikasi Informatika.
        var superior = await factory.EmployeeIdOfAsync("kabid.aptika");
        var (from, to) = await FreeDaysAsync(pegawai);
        var outside = from.AddDays(-1);
        AttendanceCode outsideBefore;
        await using (var db = factory.CreateDbContext())
        {
            outsideBefore = (await AttendanceTestData.DayAsync(db, pegawai, outside))?.Code ?? AttendanceCode.Libur;
            Assert.NotEqual(AttendanceCode.S, (await AttendanceTestData.DayAsync(db, pegawai, from))!.Code);
        }

        Guid id;
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            id = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(new RequestInput { Kind = RequestKind.S, From = from, To = to, Reason = "Demam, surat dokter terlampir." },
                new RequestDocument(AttendanceTestData.Pdf(), "surat-dokter.pdf"));
            var mine = Assert.Single(await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListMineAsync(), r => r.Id == id);
            Assert.Equal(RequestStatus.Diajukan, mine.Status);
            Assert.True(mine.HasDocument);

            var own = await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<DecideRequest>().DecideAsync(id, true, null, mine.Version));
            Assert.Contains("sendiri", own.Message);
        }

        await using (var scope = await factory.ScopeForAsync("kabid.aptika"))
        {
            var pending = Assert.Single(await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListToDecideAsync(), r => r.Id == id);
            var (content, type, _) = await scope.ServiceProvider.GetRequiredService<OpenRequestDocument>().OpenAsync(id);
            await content.DisposeAsync();
            Assert.Equal("application/pdf", type);
            await scope.ServiceProvider.GetRequiredService<DecideRequest>().DecideAsync(id, true, "Semoga lekas sembuh.", pending.Version);
            var decidedRow = (await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListToDecideAsync()).Single(r => r.Id == id);
            Assert.Equal(RequestStatus.Disetujui, decidedRow.Status);
            await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<DecideRequest>().DecideAsync(id, false, "terlambat", decidedRow.Version));
        }

        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(AttendanceCode.S, (await AttendanceTestData.DayAsync(db, pegawai, from))!.Code);
            Assert.Equal(AttendanceCode.S, (await AttendanceTestData.DayAsync(db, pegawai, to))!.Code);
            Assert.Equal(0m, (await AttendanceTestData.DayAsync(db, pegawai, to))!.DeductionPercent);
            Assert.Equal(outsideBefore, (await AttendanceTestData.DayAsync(db, pegawai, outside))?.Code ?? AttendanceCode.Libur);
            Assert.Equal(superior, (await db.AttendanceRequests.SingleAsync(r => r.Id == id)).DecidedByEmployeeId);
            Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "attendance.request.approved");
        }
        var decided = Assert.Single(events.OfType<RequestDecidedEvent>(), e => e.RequestId == id);
        Assert.Equal([pegawai], decided.RecipientEmployeeIds);
        Assert.True(decided.Approved);
        // It belongs to the requester's OPD: another OPD's board never shows it.
        await using (var db = factory.CreateDbContext())
        {
            var dinkes = await db.Units.Where(u => u.Code == "DINKES").Select(u => u.Id).SingleAsync();
            await using var scope = factory.Services.CreateAsyncScope();
            var board = scope.ServiceProvider.GetRequiredService<Belu.Portal.Features.Monitoring.BoardService>();
            Assert.DoesNotContain(await board.RecentEventsAsync(new BoardScope(new HashSet<int> { dinkes }), 500), e => e.EventId == decided.Id);
            Assert.NotNull((await db.RecentEvents.SingleAsync(e => e.Id == decided.Id)).OpdId);
        }
    }

    [Fact]
    public async Task OverlappingRequestsRequestsForOthersAndMissingDocumentsAreRefused()
    {
        var admin = await factory.EmployeeIdOfAsync("admin");
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        var from = FakeClock.StartDay.AddDays(3);
        await using var scope = await factory.ScopeForAsync("admin");
        await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(new RequestInput { Kind = RequestKind.DL, From = from, To = from.AddDays(2), Reason = "Bimtek SPBE di Kupang." },
            new RequestDocument(AttendanceTestData.Pdf(), "surat-tugas.pdf"));

        var overlap = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
            new RequestInput { Kind = RequestKind.I, From = from.AddDays(2), To = from.AddDays(3), Reason = "Urusan keluarga." }, null));
        Assert.Contains("bertumpuk", overlap.Message);

        var forOther = await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
            new RequestInput { EmployeeId = pegawai, Kind = RequestKind.I, From = from.AddDays(10), To = from.AddDays(10), Reason = "Atas nama rekan." }, null));
        Assert.Contains("diri sendiri", forOther.Message);

        var noDocument = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
            new RequestInput { Kind = RequestKind.S, From = from.AddDays(10), To = from.AddDays(10), Reason = "Sakit gigi." }, null));
        Assert.Contains("surat keterangan sakit", noDocument.Message);

        var fake = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
            new RequestInput { Kind = RequestKind.S, From = from.AddDays(10), To = from.AddDays(10), Reason = "Sakit gigi." },
            new RequestDocument(new MemoryStream("MZ bukan pdf"u8.ToArray()), "surat.pdf")));
        Assert.Contains("bukan", fake.Message);

        var backwards = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
            new RequestInput { Kind = RequestKind.I, From = from.AddDays(12), To = from.AddDays(11), Reason = "Terbalik." }, null));
        Assert.True(backwards.FieldErrors.ContainsKey("To"));

        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.AttendanceRequests.CountAsync(r => r.EmployeeId == admin && r.From >= from));
    }

    [Fact]
    public async Task OnlyTheApproverDecides()
    {
        var from = FakeClock.StartDay.AddDays(20);
        Guid id;
        await using (var scope = await factory.ScopeForAsync("agendaris"))
        {
            id = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
                new RequestInput { Kind = RequestKind.I, From = from, To = from, Reason = "Mengurus KTP anak." }, null);
        }
        Guid version;
        await using (var db = factory.CreateDbContext())
        {
            version = (await db.AttendanceRequests.SingleAsync(r => r.Id == id)).Version;
        }
        await using var other = await factory.ScopeForAsync("pegawai");
        await Assert.ThrowsAsync<ForbiddenException>(() => other.ServiceProvider.GetRequiredService<DecideRequest>().DecideAsync(id, true, null, version));
        await Assert.ThrowsAsync<NotFoundException>(() => other.ServiceProvider.GetRequiredService<OpenRequestDocument>().OpenAsync(id));
    }
}
