using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Leave;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>Cuti by the rules over the real app (docs/domain/leave.md): two decisions, C days, the balance, refusals.</summary>
public class LeaveTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private async Task<string> UserNameOfAsync(int employeeId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Users.Where(u => u.EmployeeId == employeeId).Select(u => u.UserName!).FirstAsync();
    }

    private async Task<int> LeftAsync(int employeeId, int year)
    {
        await using var db = factory.CreateDbContext();
        return (await factory.Services.GetRequiredService<LeaveBalances>().ComputeAsync(db, employeeId, year)).Balance.Left;
    }

    /// <summary>A Friday-to-Monday range of closed days no request of the employee covers, before the test clock's day.</summary>
    private async Task<(DateOnly Friday, DateOnly Monday)> ClosedWeekendAsync(int employeeId)
    {
        await using var db = factory.CreateDbContext();
        var requests = await db.AttendanceRequests.Where(r => r.EmployeeId == employeeId).ToListAsync();
        for (var d = FakeClock.StartDay.AddDays(-4); ; d = d.AddDays(-1))
        {
            if (d.DayOfWeek == DayOfWeek.Friday && d.Year == d.AddDays(3).Year && !requests.Any(r => r.From <= d.AddDays(3) && r.To >= d))
            {
                return (d, d.AddDays(3));
            }
        }
    }

    private static RequestInput Leave(LeaveKind kind, DateOnly from, DateOnly to) =>
        new() { Kind = RequestKind.C, LeaveKind = kind, From = from, To = to, Reason = "Urusan keluarga di Kupang.", LeaveAddress = "Jl. El Tari No. 5, Kupang" };

    [Fact]
    public async Task TheSuperiorConsidersTheGrantorDecidesAndTheWorkingDaysBecomeC()
    {
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        var (friday, monday) = await ClosedWeekendAsync(pegawai);
        var before = await LeftAsync(pegawai, friday.Year);

        Guid id;
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            id = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(Leave(LeaveKind.Tahunan, friday, monday), null);
        }
        int grantor, approver;
        await using (var db = factory.CreateDbContext())
        {
            var stored = await db.AttendanceRequests.SingleAsync(r => r.Id == id);
            (grantor, approver) = (stored.GrantorEmployeeId!.Value, stored.ApproverEmployeeId!.Value);
            Assert.Equal(LeaveKind.Tahunan, stored.LeaveKind);
            Assert.Equal("Jl. El Tari No. 5, Kupang", stored.LeaveAddress);
        }
        Assert.Equal(approver, await factory.EmployeeIdOfAsync("kabid.aptika"));
        Assert.NotEqual(approver, grantor);

        // The grantor cannot decide before the superior's consideration; a stranger may do neither.
        await using (var scope = await factory.ScopeForAsync(await UserNameOfAsync(grantor)))
        {
            Guid version;
            await using (var db = factory.CreateDbContext())
            {
                version = await db.AttendanceRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
            }
            var early = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<DecideLeave>().DecideAsync(id, LeaveConsideration.Setuju, null, version));
            Assert.Contains("belum diberi pertimbangan", early.Message);
        }
        await using (var scope = await factory.ScopeForAsync("kabid.ikp"))
        {
            var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<DecideRequest>().DecideAsync(id, true, null, Guid.Empty));
            Assert.Contains("atasan langsung", refusal.Message);
        }

        await using (var scope = await factory.ScopeForAsync("kabid.aptika"))
        {
            var pending = Assert.Single(await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListToDecideAsync(), r => r.Id == id);
            Assert.Equal(approver, pending.WaitsFor);
            await scope.ServiceProvider.GetRequiredService<DecideLeave>().ConsiderAsync(id, LeaveConsideration.Setuju, "Pekerjaan sudah diserahkan.", pending.Version);
            var considered = (await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListToDecideAsync()).Single(r => r.Id == id);
            Assert.Equal(RequestStatus.Diajukan, considered.Status);
            Assert.Equal(grantor, considered.WaitsFor);
            // The superior's part is done: the decision is not his.
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<DecideLeave>().DecideAsync(id, LeaveConsideration.Setuju, null, considered.Version));
        }

        await using (var scope = await factory.ScopeForAsync(await UserNameOfAsync(grantor)))
        {
            var waiting = Assert.Single(await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListToDecideAsync(), r => r.Id == id);
            await scope.ServiceProvider.GetRequiredService<DecideLeave>().DecideAsync(id, LeaveConsideration.Setuju, null, waiting.Version);
        }

        await using (var db = factory.CreateDbContext())
        {
            var stored = await db.AttendanceRequests.SingleAsync(r => r.Id == id);
            Assert.Equal((RequestStatus.Disetujui, LeaveConsideration.Setuju, LeaveConsideration.Setuju), (stored.Status, stored.Consideration!.Value, stored.GrantDecision!.Value));
            Assert.Equal(AttendanceCode.C, (await AttendanceTestData.DayAsync(db, pegawai, friday))!.Code);
            Assert.Equal(AttendanceCode.C, (await AttendanceTestData.DayAsync(db, pegawai, monday))!.Code);
            Assert.NotEqual(AttendanceCode.C, (await AttendanceTestData.DayAsync(db, pegawai, friday.AddDays(1)))?.Code ?? AttendanceCode.Libur);
            Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "attendance.leave.considered");
        }
        // Two working days, not four: the weekend inside costs nothing.
        Assert.Equal(before - 2, await LeftAsync(pegawai, friday.Year));

        // The printed form: the requester's, filled from both decisions; a stranger gets 403 and no data.
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var form = await client.GetAsync($"/absensi/permohonan/{id}/formulir-cuti");
        Assert.Equal(System.Net.HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("FORMULIR PERMINTAAN DAN PEMBERIAN CUTI", html);
        Assert.Contains("Jl. El Tari No. 5, Kupang", html);
        Assert.Contains("2 hari kerja", html);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        // The same form as a PDF to sign: real text, both answers ticked, its download audited.
        var pdf = await client.GetAsync(PrintLeaveForm.PdfLink(id));
        Assert.Equal(System.Net.HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = System.Text.RegularExpressions.Regex.Replace(await Poppler.TextAsync(await pdf.Content.ReadAsByteArrayAsync()), @"\s+", " ");
        Assert.Contains("FORMULIR PERMINTAAN DAN PEMBERIAN CUTI", text);
        Assert.Contains("Jl. El Tari No. 5, Kupang", text);
        Assert.Contains("2 hari kerja", text);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(text, "DISETUJUI " + Belu.Portal.Features.Attendance.Leave.Pdf.LeaveFormPdf.Tick).Count);
        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "attendance.leave.form-printed" && a.Subject == id.ToString()));
        }
        var stranger = factory.CreateBrowserLikeClient();
        await stranger.SignInAsync("kabid.ikp");
        var refused = await stranger.GetAsync($"/absensi/permohonan/{id}/formulir-cuti");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("El Tari", await refused.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await stranger.GetAsync(PrintLeaveForm.PdfLink(id))).StatusCode);
    }

    [Fact]
    public async Task CancellingAnApprovedLeaveBeforeItStartsGivesTheDaysBack()
    {
        var pegawai = await factory.EmployeeIdOfAsync("kabid.ikp");
        var monday = FakeClock.StartDay.AddDays(21);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }
        var before = await LeftAsync(pegawai, monday.Year);
        Guid id;
        await using (var scope = await factory.ScopeForAsync("kabid.ikp"))
        {
            id = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(Leave(LeaveKind.Tahunan, monday, monday.AddDays(1)), null);
        }
        await DecideBothAsync(id);
        Assert.Equal(before - 2, await LeftAsync(pegawai, monday.Year));

        await using (var scope = await factory.ScopeForAsync("kabid.ikp"))
        {
            await scope.ServiceProvider.GetRequiredService<CancelRequest>().CancelAsync(id);
        }
        Assert.Equal(before, await LeftAsync(pegawai, monday.Year));
        await using var db = factory.CreateDbContext();
        Assert.Equal(RequestStatus.Dibatalkan, (await db.AttendanceRequests.SingleAsync(r => r.Id == id)).Status);
    }

    [Fact]
    public async Task TheRulesOfEachKindAreEnforcedWhenTheRequestIsSent()
    {
        var monday = FakeClock.StartDay.AddDays(35);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }
        await using var scope = await factory.ScopeForAsync("pegawai");
        var submit = scope.ServiceProvider.GetRequiredService<SubmitRequest>();

        var sick = await Assert.ThrowsAsync<ValidationException>(() => submit.CreateAsync(Leave(LeaveKind.Sakit, monday, monday.AddDays(1)), null));
        Assert.Contains("surat keterangan dokter", sick.FieldErrors["Document"]);
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => submit.CreateAsync(Leave(LeaveKind.Tahunan, monday, monday.AddDays(60)), null));
        Assert.Contains("Sisa hak cuti tahunan", tooLong.FieldErrors["To"]);
        var bersama = await Assert.ThrowsAsync<ValidationException>(() => submit.CreateAsync(Leave(LeaveKind.Bersama, monday, monday), null));
        Assert.Contains("kalender libur", bersama.Message);
        var weekend = await Assert.ThrowsAsync<ValidationException>(() => submit.CreateAsync(Leave(LeaveKind.Tahunan, monday.AddDays(-2), monday.AddDays(-1)), null));
        Assert.Contains("tidak memuat hari kerja", weekend.Message);

        await using var db = factory.CreateDbContext();
        var me = await factory.EmployeeIdOfAsync("pegawai");
        Assert.False(await db.AttendanceRequests.AnyAsync(r => r.EmployeeId == me && r.From >= monday.AddDays(-2) && r.LeaveKind != null && r.From <= monday.AddDays(60)));
    }

    [Fact]
    public async Task AnAdminSetsAnOpeningBalanceAuditedAndNobodyElseMay()
    {
        var staff = await factory.EmployeeIdOfAsync("kabid.aptika");
        var year = FakeClock.StartDay.Year;
        var input = new OpeningBalanceInput { EmployeeId = staff, Year = year, CarriedFromN1 = 6, CarriedFromN2 = 6, TakenBeforeGoLive = 5, Note = "Kartu cuti BKPSDM" };
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<SetOpeningBalance>().SetAsync(input));
        }
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            var tooMuch = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SetOpeningBalance>().SetAsync(
                new OpeningBalanceInput { EmployeeId = staff, Year = year, CarriedFromN1 = 7, Note = "x" }));
            Assert.Contains("0–6", tooMuch.FieldErrors[nameof(OpeningBalanceInput.CarriedFromN1)]);
            await scope.ServiceProvider.GetRequiredService<SetOpeningBalance>().SetAsync(input);
        }

        await using var db = factory.CreateDbContext();
        var view = await factory.Services.GetRequiredService<LeaveBalances>().ComputeAsync(db, staff, year);
        Assert.True(view.HasOpening);
        Assert.Equal((6, 6, 12), (view.Balance.RightN1, view.Balance.RightN2, view.Balance.RightN));
        // The 5 days taken before go-live count with whatever the portal has approved since.
        Assert.True(view.Balance.Taken >= 5);
        Assert.Equal(24 - view.Balance.Taken, view.Balance.Left);
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == "attendance.leave.opening").Select(a => a.Detail).ToListAsync(), d => d!.Contains("Kartu cuti BKPSDM"));
    }

    private async Task DecideBothAsync(Guid id)
    {
        int approver, grantor;
        await using (var db = factory.CreateDbContext())
        {
            var r = await db.AttendanceRequests.SingleAsync(x => x.Id == id);
            (approver, grantor) = (r.ApproverEmployeeId!.Value, r.GrantorEmployeeId!.Value);
        }
        // When the superior is also the grantor (a head of bidang under his Kadis), his consideration is the decision.
        var steps = approver == grantor ? new[] { (approver, true) } : [(approver, true), (grantor, false)];
        foreach (var (who, consider) in steps)
        {
            await using var scope = await factory.ScopeForAsync(await UserNameOfAsync(who));
            await using var db = factory.CreateDbContext();
            var version = await db.AttendanceRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
            var decide = scope.ServiceProvider.GetRequiredService<DecideLeave>();
            await (consider ? decide.ConsiderAsync(id, LeaveConsideration.Setuju, null, version) : decide.DecideAsync(id, LeaveConsideration.Setuju, null, version));
        }
    }
}
