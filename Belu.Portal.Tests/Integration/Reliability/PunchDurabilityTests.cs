using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Tests.Integration.Reliability;

/// <summary>
/// A burst of check-ins through the device endpoint, the portal process killed with SIGKILL in the middle of it and
/// started again on the same SQLite file: every punch the portal acknowledged is there exactly once.
/// </summary>
[Trait("Category", "Process")]
public class PunchDurabilityTests
{
    private sealed record Sent(int EmployeeId, string Pin, DateTime AtUtc)
    {
        public object Json => new { pin = Pin, timestamp = new DateTimeOffset(AtUtc).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) };
    }

    private static PortalDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={path}").Options);

    [Fact]
    public async Task EveryAcknowledgedPunchSurvivesAKillOnceAndResendingChangesNothing()
    {
        await using var portal = new TestPortalProcess(new Dictionary<string, string> { ["Demo__Seed"] = "true" });
        await portal.StartAsync();

        // An API device for the burst, written as the admin page would (only the key's hash is kept).
        var key = "belu_durability_" + Guid.NewGuid().ToString("N");
        var deviceId = Guid.NewGuid();
        List<Sent> burst;
        await using (var db = Open(portal.DatabasePath))
        {
            db.AttendanceDevices.Add(new AttendanceDevice
            {
                Id = deviceId, Name = "Jembatan uji ketahanan", Kind = DeviceKind.Api, KeyHash = DeviceIngestService.HashKey(key),
                KeyHint = key[..9], CreatedUtc = TestClock.Start.UtcDateTime,
            });
            await db.SaveChangesAsync();
            var staff = await db.Employees.AsNoTracking().Where(e => e.Nip != null && e.IsActive).OrderBy(e => e.Id).Take(300)
                .Select(e => new { e.Id, e.Nip }).ToListAsync();
            // Today 05:00 WITA, a second apart, one per employee: in the past (the test clock starts at 09:00), on a day
            // not yet closed (a closed day's machine lines wait for review instead), before the demo's first punch,
            // and no punch is a duplicate of another.
            var fiveInTheMorning = new DateTime(TestClock.Today.AddDays(-1), new TimeOnly(21, 0), DateTimeKind.Utc);
            var start = fiveInTheMorning.AddMinutes(10) < TestClock.Start.UtcDateTime ? fiveInTheMorning : TestClock.Start.UtcDateTime.AddMinutes(-10);
            burst = staff.Select((e, i) => new Sent(e.Id, e.Nip!, start.AddSeconds(i))).ToList();
        }
        Assert.True(burst.Count >= 100, $"the demo has only {burst.Count} employees with a NIP");

        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var queue = new ConcurrentQueue<Sent>(burst);
        var acknowledged = new ConcurrentBag<Sent>();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var threshold = burst.Count / 3;
        var refusals = new ConcurrentBag<string>();

        async Task SendAsync()
        {
            while (queue.TryDequeue(out var punch))
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/absensi/punches") { Content = JsonContent.Create(new[] { punch.Json }) };
                    request.Headers.Add("X-Device-Key", key);
                    using var response = await http.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        // A refusal is no crash: say why, and never leave the test waiting for a halfway it cannot reach.
                        refusals.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        halfway.TrySetResult();
                        return;
                    }
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    if (body.GetProperty("accepted").GetInt32() + body.GetProperty("duplicated").GetInt32() != 1)
                    {
                        refusals.Add(body.GetRawText());
                        halfway.TrySetResult();
                        return;
                    }
                    acknowledged.Add(punch);
                    if (acknowledged.Count >= threshold)
                    {
                        halfway.TrySetResult();
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The process died under this request: it was never acknowledged.
                    halfway.TrySetResult();
                    return;
                }
            }
            halfway.TrySetResult();
        }

        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(SendAsync)).ToList();
        await halfway.Task;
        await portal.KillAsync();
        await Task.WhenAll(senders);
        Assert.True(refusals.IsEmpty || acknowledged.Count >= threshold, $"the portal refused the burst: {refusals.FirstOrDefault()}");
        Assert.True(acknowledged.Count >= threshold, $"only {acknowledged.Count} of {burst.Count} were acknowledged before the kill");
        Assert.True(acknowledged.Count < burst.Count, "the kill came after the whole burst; it proves nothing");

        await portal.StartAsync();
        await using (var db = Open(portal.DatabasePath))
        {
            var stored = await db.Punches.AsNoTracking().Where(p => p.DeviceId == deviceId).Select(p => new { p.EmployeeId, p.AtUtc }).ToListAsync();
            foreach (var punch in acknowledged)
            {
                Assert.Equal(1, stored.Count(s => s.EmployeeId == punch.EmployeeId && s.AtUtc == punch.AtUtc));
            }
            Assert.Equal(stored.Count, stored.Distinct().Count());
            Assert.All(stored, s => Assert.Contains(burst, b => b.EmployeeId == s.EmployeeId && b.AtUtc == s.AtUtc));
        }

        // The bridge resends everything it is unsure of: what was stored is reported as a duplicate, the rest is stored once.
        using (var resend = new HttpRequestMessage(HttpMethod.Post, "/api/absensi/punches") { Content = JsonContent.Create(burst.Select(b => b.Json).ToArray()) })
        {
            resend.Headers.Add("X-Device-Key", key);
            using var response = await http.SendAsync(resend);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(0, body.GetProperty("rejected").GetInt32());
            Assert.True(body.GetProperty("duplicated").GetInt32() >= acknowledged.Count);
            Assert.Equal(burst.Count, body.GetProperty("accepted").GetInt32() + body.GetProperty("duplicated").GetInt32());
        }
        await using (var db = Open(portal.DatabasePath))
        {
            var stored = await db.Punches.AsNoTracking().Where(p => p.DeviceId == deviceId).Select(p => new { p.EmployeeId, p.AtUtc }).ToListAsync();
            Assert.Equal(burst.Count, stored.Count);
            Assert.Equal(burst.Count, stored.Distinct().Count());
        }
    }
}
