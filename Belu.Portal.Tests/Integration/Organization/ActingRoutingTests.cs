using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Organization.Acting;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Organization;

/// <summary>
/// While a Plh holds the Kadis's post, what is addressed to the Kadis reaches the Plh, who acts as "Plh. Kepala Dinas …"
/// with his own name; the Kadis sees it all in his name, and after the range what is open is his again.
/// </summary>
public class ActingRoutingTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private async Task<Guid> RegisterForAsync(string addressee, string subject)
    {
        var input = await factory.FormAsync(subject);
        (input.LetterDate, input.ReceivedDate) = (factory.Today().AddDays(-1), factory.Today());
        input.AddresseeId = await factory.EmployeeIdOfAsync(addressee);
        return await factory.RegisterAsync(input);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Features.Accounts.ApplicationUser>>().FindByNameAsync(userName))!.Id;
    }

    [Fact]
    public async Task ALetterForTheKadisReachesThePlhWhoDisposesItAsPlh()
    {
        await factory.EnsureAppointedAsync("pimpinan", "sekretaris");
        var kadis = await factory.EmployeeIdOfAsync("pimpinan");
        var kabid = await factory.EmployeeIdOfAsync("kabid.aptika");
        var letterId = await RegisterForAsync("pimpinan", "Permohonan data SPBE untuk evaluasi");

        await using (var db = factory.CreateDbContext())
        {
            var plhUser = await UserIdAsync("sekretaris");
            var bell = await db.Notifications.Where(n => n.UserId == plhUser && n.Kind == nameof(LetterRegistered)).OrderByDescending(n => n.AtUtc).FirstAsync();
            Assert.Contains("SPBE", bell.Text);
        }

        await using (var scope = await factory.ActingScopeAsync("sekretaris", "pimpinan"))
        {
            var sp = scope.ServiceProvider;
            var form = await sp.GetRequiredService<DispositionQueries>().GetFormAsync(letterId, null);
            await sp.GetRequiredService<DisposeLetter>().HandleAsync(letterId, new DispositionInput
            {
                EmployeeIds = [kabid], Instructions = ["Tindak Lanjuti"], Note = "Siapkan data.", Version = form.Version,
            });
        }

        await using (var db = factory.CreateDbContext())
        {
            var d = await db.Dispositions.SingleAsync(x => x.LetterId == letterId);
            Assert.Equal(kadis, d.FromEmployeeId);
            Assert.Equal(await factory.EmployeeIdOfAsync("sekretaris"), d.ActedByEmployeeId);
            Assert.StartsWith("Plh. Kepala Dinas", d.ActedAs);
            var track = await db.LetterTrack.Where(t => t.LetterId == letterId && t.DispositionId == d.Id).SingleAsync();
            Assert.Contains("Plh. Kepala Dinas", track.ActorName);
            var audit = await db.AuditEntries.Where(a => a.Action == "disposition.created").OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal("sekretaris", audit.UserName);
            Assert.Contains("sebagai Plh. Kepala Dinas", audit.Detail);
        }

        // The Kadis sees it in his name, given by his Plh, on the letter and on the lembar disposisi.
        var seen = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<PrintLetter>().DispositionSheetAsync(letterId));
        var given = Assert.Single(seen.Dispositions);
        Assert.Equal(kadis, given.From.Id);
        Assert.Contains("(Plh. Kepala Dinas", given.FromLabel);
        Assert.NotNull(given.ActedBy?.Nip);
        Assert.Contains(seen.Track, t => t.ActorName.Contains("Plh. Kepala Dinas"));
    }

    [Fact]
    public async Task AWorkerAskingForTheKadisPostWithoutAnAppointmentGetsNothing()
    {
        var letterId = await RegisterForAsync("pimpinan", "Undangan rapat evaluasi");
        await using var scope = await factory.ActingScopeAsync("kabid.sandi", "pimpinan");
        await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<DispositionQueries>().GetFormAsync(letterId, null));
    }

    [Fact]
    public async Task ThePlhApprovesADutyRequestToTheKadisButNotLeave()
    {
        await factory.EnsureAppointedAsync("pimpinan", "sekretaris");
        var kadis = await factory.EmployeeIdOfAsync("pimpinan");
        var (dl, cuti) = await SubmitTwoAsync();

        await using (var scope = await factory.ScopeForAsync("sekretaris"))
        {
            var sp = scope.ServiceProvider;
            var rows = await sp.GetRequiredService<RequestQueries>().ListToDecideAsync();
            var duty = Assert.Single(rows, r => r.Id == dl);
            var leave = Assert.Single(rows, r => r.Id == cuti);
            Assert.True(await sp.GetRequiredService<CountRequestsToDecide>().CountAsync() >= 2);
            var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<DecideRequest>().DecideAsync(cuti, true, null, leave.Version));
            Assert.Contains("tidak berwenang memutuskan permohonan Cuti", refusal.Message);
            await sp.GetRequiredService<DecideRequest>().DecideAsync(dl, true, null, duty.Version);
        }

        await using (var db = factory.CreateDbContext())
        {
            var decided = await db.AttendanceRequests.SingleAsync(r => r.Id == dl);
            Assert.Equal(RequestStatus.Disetujui, decided.Status);
            Assert.Equal(kadis, decided.ApproverEmployeeId);
            Assert.StartsWith("Plh. Kepala Dinas", decided.DecidedAs);
            Assert.Equal(RequestStatus.Diajukan, (await db.AttendanceRequests.SingleAsync(r => r.Id == cuti)).Status);
        }

        // The Kadis's own list shows the decision taken in his name.
        await using (var scope = await factory.ScopeForAsync("pimpinan"))
        {
            var row = Assert.Single(await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListToDecideAsync(), r => r.Id == dl);
            Assert.Contains("(Plh. Kepala Dinas", row.DecidedByLabel);
        }
    }

    private async Task<(Guid Duty, Guid Leave)> SubmitTwoAsync()
    {
        var kabid = await factory.EmployeeIdOfAsync("kabid.aptika");
        await using var db = factory.CreateDbContext();
        var taken = await db.AttendanceRequests.Where(r => r.EmployeeId == kabid && r.Status != RequestStatus.Dibatalkan && r.Status != RequestStatus.Ditolak)
            .Select(r => new { r.From, r.To }).ToListAsync();
        var day = factory.Today().AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || taken.Any(t => t.From <= day.AddDays(1) && t.To >= day))
        {
            day = day.AddDays(1);
        }
        await using var scope = await factory.ScopeForAsync("kabid.aptika");
        var submit = scope.ServiceProvider.GetRequiredService<SubmitRequest>();
        var duty = await submit.CreateAsync(new RequestInput { Kind = RequestKind.DL, From = day, To = day, Reason = "Rapat koordinasi SPBE di Atambua." },
            new RequestDocument(AttendanceTestData.Pdf(), "surat-tugas.pdf"));
        var leave = await submit.CreateAsync(new RequestInput { Kind = RequestKind.C, From = day.AddDays(20), To = day.AddDays(21), Reason = "Cuti tahunan." },
            new RequestDocument(AttendanceTestData.Pdf(), "formulir-cuti.pdf"));
        return (duty, leave);
    }

    [Fact]
    public async Task AfterTheRangeTheOpenItemsReturnToTheOfficialWithANotice()
    {
        // Another post than the Kadis's, for one day only, so the clock moved here spoils no other test's range.
        var today = factory.Today();
        await factory.AppointAsync("kabid.sandi", "kabid.ikp", today, today);
        var letterId = await RegisterForAsync("kabid.sandi", "Permintaan sandi aplikasi");
        await using (var scope = await factory.ActingScopeAsync("kabid.ikp", "kabid.sandi"))
        {
            await scope.ServiceProvider.GetRequiredService<DispositionQueries>().GetFormAsync(letterId, null);
        }

        factory.Time.Advance(TimeSpan.FromDays(1));
        await using (var scope = await factory.ActingScopeAsync("kabid.ikp", "kabid.sandi"))
        {
            await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<DispositionQueries>().GetFormAsync(letterId, null));
        }
        await factory.AsAsync("kabid.sandi", sp => sp.GetRequiredService<DispositionQueries>().GetFormAsync(letterId, null));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReturnActingItems>().RunOnceAsync();
        }
        var sandiUser = await UserIdAsync("kabid.sandi");
        await using var db = factory.CreateDbContext();
        var notice = await db.Notifications.SingleAsync(n => n.UserId == sandiUser && n.Kind == nameof(ActingEndedEvent));
        Assert.Contains("kembali kepada Anda", notice.Text);
        var sandi = await factory.EmployeeIdOfAsync("kabid.sandi");
        Assert.NotNull((await db.ActingAppointments.SingleAsync(a => a.ReplacedEmployeeId == sandi)).ReturnNoticeSentAtUtc);
    }
}
