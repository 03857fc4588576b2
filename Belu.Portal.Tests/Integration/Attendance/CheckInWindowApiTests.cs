using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>
/// The punch window is one rule for every path: <c>POST /api/absensi/hadir</c> refuses what the page's button refuses,
/// with the same words, and stores nothing (docs/domain/attendance.md, "Punch window").
/// </summary>
public class CheckInWindowApiTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    [Fact]
    public async Task APunchBeforeTheWindowOpensIsRefusedAndOneInItsFirstMinuteIsStored()
    {
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        factory.SetLocal(Monday, 5, 59, 30);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var before = (await factory.PunchesOfAsync(pegawai)).Count;

        var early = await client.PostAsync("/api/absensi/hadir", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("Absen masuk dibuka pukul 06:00.", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(before, (await factory.PunchesOfAsync(pegawai)).Count);

        factory.SetLocal(Monday, 6, 0, 10);
        var onTime = await client.PostAsync("/api/absensi/hadir", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
        var answer = await onTime.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("recorded").GetBoolean());
        Assert.Equal("H", answer.GetProperty("status").GetString());
        Assert.Equal(before + 1, (await factory.PunchesOfAsync(pegawai)).Count);
    }
}
