using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Field;
using Belu.Portal.Features.Attendance.Field.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Belu.Portal.Tests.Integration.Attendance.Field.FieldTestData;

namespace Belu.Portal.Tests.Integration.Attendance.Field;

/// <summary>Check-in from the field over the real app: each test punches as a different person, the clock stays at 07:45 WITA.</summary>
public class FieldCheckInTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private async Task<FieldPunchResult> PunchAsync(string user, GeoPoint at, double accuracy, byte[]? photo = null)
    {
        await using var scope = await factory.ScopeForAsync(user);
        return await scope.ServiceProvider.GetRequiredService<RecordFieldPunch>()
            .RecordAsync(new FieldFix(at.Latitude, at.Longitude, accuracy, photo is null ? null : new MemoryStream(photo)));
    }

    private async Task<DayResult> TodayOfAsync(string user)
    {
        await using var scope = await factory.ScopeForAsync(user);
        return (await scope.ServiceProvider.GetRequiredService<CheckInService>().GetTodayAsync()).Status;
    }

    private async Task<T> AsAsync<T>(string user, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await factory.ScopeForAsync(user);
        return await action(scope.ServiceProvider);
    }

    [Fact]
    public async Task AFieldEmployeeInsideTheRadiusChecksInWithLocationAndPhoto()
    {
        var pegawai = await factory.FieldEmployeeAsync("pegawai");
        var result = await PunchAsync("pegawai", North(Office, 30), 12.5, Jpeg());

        Assert.True(result.Recorded);
        Assert.Equal(FieldReview.TidakPerlu, result.Review);
        Assert.Equal("Kantor Bupati Belu", result.AreaName);
        Assert.Equal(30, result.DistanceMetres);
        var punch = Assert.Single(await factory.PunchesOfAsync(pegawai), p => p.AtUtc >= FakeClock.Start.UtcDateTime.AddHours(-8));
        Assert.Equal(PunchSource.Web, punch.Source);
        Assert.False(punch.Withheld);
        await using (var db = factory.CreateDbContext())
        {
            var field = await db.Set<FieldPunch>().SingleAsync(f => f.PunchId == punch.Id);
            Assert.Equal(12.5, field.AccuracyMetres);
            Assert.Equal(North(Office, 30).Latitude, field.Latitude, 9);
            Assert.NotNull(field.PhotoKey);
        }
        // 07:45 with the start at 07:30: the field punch counts like any other.
        Assert.Equal(AttendanceCode.TL1, (await TodayOfAsync("pegawai")).Code);
    }

    [Fact]
    public async Task ThePhotoIsShownToTheEmployeeHisSuperiorAndAdminsOnly()
    {
        var employee = await factory.FieldEmployeeAsync("kabid.sandi");
        await PunchAsync("kabid.sandi", North(Office, 10), 8, Jpeg(4000));
        Guid punchId;
        int? superiorId;
        await using (var db = factory.CreateDbContext())
        {
            punchId = await db.Set<FieldPunch>().Where(f => f.EmployeeId == employee).Select(f => f.PunchId).SingleAsync();
            superiorId = await db.Employees.Where(e => e.Id == employee).Select(e => e.SuperiorId).SingleAsync();
        }
        Assert.Equal(await factory.EmployeeIdOfAsync("pimpinan"), superiorId);
        foreach (var user in new[] { "kabid.sandi", "pimpinan", "admin" })
        {
            await using var photo = await AsAsync(user, sp => sp.GetRequiredService<OpenFieldPhoto>().OpenAsync(punchId));
            Assert.Equal(4000, await CountAsync(photo));
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("agendaris", sp => sp.GetRequiredService<OpenFieldPhoto>().OpenAsync(punchId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("kabid.ikp", sp => sp.GetRequiredService<OpenFieldPhoto>().OpenAsync(punchId)));
    }

    private static async Task<long> CountAsync(Stream stream)
    {
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.Length;
    }

    [Fact]
    public async Task OutsideEveryAreaIsRefusedInBahasaAndNothingIsStored()
    {
        var employee = await factory.FieldEmployeeAsync("kabid.ikp");
        var refusal = await Assert.ThrowsAsync<ValidationException>(() => PunchAsync("kabid.ikp", North(Office, 5000), 10, Jpeg()));
        Assert.Contains("di luar area absen", refusal.Message);
        Assert.Contains("dari Kantor Bupati Belu (batas 100 m)", refusal.Message);
        Assert.DoesNotContain(await factory.PunchesOfAsync(employee), p => p.AtUtc >= FakeClock.Start.UtcDateTime.AddHours(-8));
    }

    [Fact]
    public async Task ANonFieldEmployeeOnAnOrdinaryDayIsRefused()
    {
        await factory.FieldEmployeeAsync("agendaris", mark: false);
        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => PunchAsync("agendaris", Office, 10));
        Assert.Equal(FieldDay.NotFieldMessage, refusal.Message);
        var day = await AsAsync("agendaris", sp => sp.GetRequiredService<FieldQueries>().MyDayAsync());
        Assert.False(day.Day.MayCheckIn);
    }

    [Fact]
    public async Task APhotoThatIsNotAJpegOrTooLargeIsRefused()
    {
        await factory.FieldEmployeeAsync("sekretaris");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var notJpeg = await Assert.ThrowsAsync<ValidationException>(() => PunchAsync("sekretaris", Office, 10, png));
        Assert.Contains("bukan JPEG", notJpeg.Message);
        var large = await Assert.ThrowsAsync<ValidationException>(() => PunchAsync("sekretaris", Office, 10, Jpeg(600_000)));
        Assert.Contains("Foto terlalu besar", large.Message);
        var vague = await Assert.ThrowsAsync<ValidationException>(() => PunchAsync("sekretaris", Office, 900));
        Assert.Contains("Akurasi lokasi 900 m terlalu rendah", vague.Message);
    }

    [Fact]
    public async Task OnApprovedDutyTheDestinationIsAnAllowedArea()
    {
        var employee = await factory.FieldEmployeeAsync("kabid.aptika", mark: false);
        var request = new AttendanceRequest
        {
            EmployeeId = employee, Kind = RequestKind.DL, From = FakeClock.StartDay, To = FakeClock.StartDay, Reason = "Monitoring jaringan kecamatan",
            Status = RequestStatus.Disetujui, CreatedUtc = FakeClock.Start.UtcDateTime,
        };
        await using (var db = factory.CreateDbContext())
        {
            db.AttendanceRequests.Add(request);
            await db.SaveChangesAsync();
        }
        var kecamatan = North(Office, 40_000);
        await AsAsync("kabid.aptika", async sp =>
        {
            await sp.GetRequiredService<SetDutyDestination>().SetAsync(request.Id, "Kantor Camat Lamaknen", kecamatan.Latitude, kecamatan.Longitude, 300);
            return 0;
        });
        // Someone else's DL is not his to point.
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("agendaris", async sp =>
        {
            await sp.GetRequiredService<SetDutyDestination>().SetAsync(request.Id, "Pasar", 0, 0, null);
            return 0;
        }));

        var result = await PunchAsync("kabid.aptika", North(kecamatan, 120), 15);
        Assert.True(result.Recorded);
        Assert.Equal("Tujuan DL: Kantor Camat Lamaknen", result.AreaName);
        Assert.Equal(AttendanceCode.DL, (await TodayOfAsync("kabid.aptika")).Code);
    }

    [Fact]
    public async Task ThePhotoAddressAnswersTheSuperiorWithTheJpegAndAnotherEmployeeWith403()
    {
        var employee = await factory.FieldEmployeeAsync("pimpinan");
        await PunchAsync("pimpinan", North(Office, 5), 7, Jpeg(3000));
        Guid punchId;
        await using (var db = factory.CreateDbContext())
        {
            punchId = await db.Set<FieldPunch>().Where(f => f.EmployeeId == employee).Select(f => f.PunchId).SingleAsync();
        }
        var own = factory.CreateBrowserLikeClient();
        await own.SignInAsync("pimpinan");
        var answer = await own.GetAsync($"/absensi/lapangan/foto/{punchId}");
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("image/jpeg", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3000, (await answer.Content.ReadAsByteArrayAsync()).Length);
        Assert.Contains("no-store", answer.Headers.CacheControl?.ToString());

        var other = factory.CreateBrowserLikeClient();
        await other.SignInAsync("agendaris");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await other.GetAsync($"/absensi/lapangan/foto/{punchId}")).StatusCode);
    }
}
