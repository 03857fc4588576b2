using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization.Acting;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Organization;

/// <summary>Appointing a Plh/Plt: who may, and every refusal leaves nothing behind.</summary>
public class ActingAppointmentTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private async Task<int> CountAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.ActingAppointments.CountAsync();
    }

    private async Task<ValidationException> RefusedAsync(string post, string acting, DateOnly from, DateOnly to)
    {
        var before = await CountAsync();
        var refusal = await Assert.ThrowsAsync<ValidationException>(() => factory.AppointAsync(post, acting, from, to));
        Assert.Equal(before, await CountAsync());
        return refusal;
    }

    [Fact]
    public async Task ARangeInThePastIsRefused()
    {
        var today = factory.Today();
        var refusal = await RefusedAsync("kabid.aptika", "kabid.ikp", today.AddDays(-3), today.AddDays(2));
        Assert.Contains("sudah lewat", refusal.FieldErrors["From"]);
    }

    [Fact]
    public async Task NobodyActsForHimself()
    {
        var today = factory.Today();
        var refusal = await RefusedAsync("kabid.aptika", "kabid.aptika", today.AddDays(20), today.AddDays(21));
        Assert.Contains("jabatannya sendiri", refusal.FieldErrors["ActingEmployeeId"]);
    }

    [Fact]
    public async Task OverlappingAppointmentsForOnePostAreRefused()
    {
        var today = factory.Today();
        await factory.AppointAsync("kabid.aptika", "kabid.ikp", today.AddDays(30), today.AddDays(35));
        var refusal = await RefusedAsync("kabid.aptika", "kabid.sandi", today.AddDays(35), today.AddDays(40));
        Assert.Contains("tumpang tindih", refusal.Message);
        // The day after is free.
        await factory.AppointAsync("kabid.aptika", "kabid.sandi", today.AddDays(36), today.AddDays(40));
    }

    [Fact]
    public async Task AnActingOfficialOnApprovedLeaveInTheRangeIsRefused()
    {
        var today = factory.Today();
        var sandi = await factory.EmployeeIdOfAsync("kabid.sandi");
        await using (var db = factory.CreateDbContext())
        {
            db.AttendanceRequests.Add(new AttendanceRequest
            {
                EmployeeId = sandi, Kind = RequestKind.DL, From = today.AddDays(52), To = today.AddDays(54), Reason = "Bimtek persandian di Kupang.",
                Status = RequestStatus.Disetujui, CreatedUtc = factory.Time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        var refusal = await RefusedAsync("kabid.ikp", "kabid.sandi", today.AddDays(50), today.AddDays(56));
        Assert.Contains("sedang dinas luar", refusal.FieldErrors["ActingEmployeeId"]);
    }

    [Fact]
    public async Task AnOfficialAppointsAPlhForHisOwnPostOnlyAndAPegawaiNone()
    {
        var today = factory.Today();
        var before = await CountAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AppointAsync("kabid.sandi", "kabid.ikp", today.AddDays(60), today.AddDays(61), by: "kabid.aptika"));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AppointAsync("kabid.aptika", "kabid.ikp", today.AddDays(60), today.AddDays(61), ActingKind.Plt, by: "kabid.aptika"));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AppointAsync("kabid.aptika", "kabid.ikp", today.AddDays(60), today.AddDays(61), by: "pegawai"));
        Assert.Equal(before, await CountAsync());

        var id = await factory.AppointAsync("kabid.aptika", "kabid.ikp", today.AddDays(60), today.AddDays(61), by: "kabid.aptika");
        await using var scope = await factory.ScopeForAsync("kabid.aptika");
        var row = Assert.Single((await scope.ServiceProvider.GetRequiredService<ActingQueries>().LoadAsync()).Rows, r => r.Id == id);
        Assert.Equal(ActingPhase.Akan, row.Phase);
        Assert.StartsWith("Plh. ", row.Capacity);
        await scope.ServiceProvider.GetRequiredService<CancelActing>().HandleAsync(id, row.Version);
        await using var db = factory.CreateDbContext();
        Assert.NotNull((await db.ActingAppointments.SingleAsync(a => a.Id == id)).CancelledAtUtc);
    }
}
