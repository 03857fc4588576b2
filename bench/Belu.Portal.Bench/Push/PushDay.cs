using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Bench.Push;

internal sealed record Staff(int Id, string Name, string Nip);

/// <summary>
/// The day of the push benchmark, arranged as an administrator would: regency-wide display tokens, a JSON device key,
/// and for today a schedule override (everyone, every weekday, work from 00:00) so that any punch today is a late
/// check-in whatever the weekday and hour the benchmark runs at. The events themselves take the real path.
/// </summary>
internal sealed record PushDay(List<string> Secrets, string DeviceKey, List<Staff> Warmup, List<Staff> Measured)
{
    public static async Task<PushDay> ArrangeAsync(BenchPortal portal, PushOptions options)
    {
        var secrets = new List<string>();
        for (var i = 0; i < options.Tokens; i++)
        {
            secrets.Add(await portal.CreateDisplayTokenAsync($"Layar uji beban {i + 1}"));
        }
        var deviceKey = await portal.CreateDeviceKeyAsync("Mesin uji beban");
        var wanted = options.Events;
        var employees = await ArrangeLateDayAsync(portal, wanted + 5);
        if (employees.Count < wanted + 5)
        {
            Console.WriteLine($"  only {employees.Count} employees can check in late today; raising {employees.Count - 5} events");
            wanted = employees.Count - 5;
        }
        return new PushDay(secrets, deviceKey, employees.Take(5).ToList(), employees.Skip(5).Take(wanted).ToList());
    }

    /// <summary>
    /// Today's schedule override and the employees who can check in late today: active staff with an NIP and a
    /// unique name and no approved request covering today, their punches of today taken out.
    /// </summary>
    private static async Task<List<Staff>> ArrangeLateDayAsync(BenchPortal portal, int count)
    {
        var witaToday = Common.TodaySchedule.Today();
        await using var db = portal.CreateDbContext();
        var schedule = Common.TodaySchedule.AllDay("Jadwal uji beban (hari ini, mulai 00.00)", new TimeOnly(0, 0));
        db.WorkSchedules.Add(schedule);
        if (await db.Holidays.AnyAsync(h => h.Date == witaToday))
        {
            throw new InvalidOperationException("today is a holiday in the demo calendar: no late check-ins are raised");
        }
        await db.SaveChangesAsync();

        // The demo's morning has already checked most people in by now (the bench may run at any hour): the chosen
        // staff's punches of today are taken out of this throwaway database, so that each first punch is a late check-in.
        var startUtc = witaToday.ToDateTime(TimeOnly.MinValue).AddHours(-8);
        var excused = await db.AttendanceRequests.Where(r => r.Status == RequestStatus.Disetujui && r.From <= witaToday && r.To >= witaToday)
            .Select(r => r.EmployeeId).ToListAsync();
        var staff = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && e.EmploymentType != EmploymentType.PejabatNegara && e.Nip != null)
            .Select(e => new Staff(e.Id, e.Name, e.Nip!)).ToListAsync();
        var chosen = staff.Where(s => !excused.Contains(s.Id))
            .GroupBy(s => s.Name).Where(g => g.Count() == 1).Select(g => g.Single())
            .OrderBy(s => s.Id).Take(count).ToList();
        var ids = chosen.Select(s => s.Id).ToList();
        await db.Punches.Where(p => ids.Contains(p.EmployeeId) && p.AtUtc >= startUtc).ExecuteDeleteAsync();
        return chosen;
    }
}

/// <summary>The fingerprint machine of the benchmark: punches through the device endpoint with its JSON key.</summary>
internal sealed class PushPunches : IDisposable
{
    private readonly HttpClient _http;

    public PushPunches(BenchPortal portal, string deviceKey)
    {
        _http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Add("X-Device-Key", deviceKey);
    }

    /// <summary>A few events to JIT the path; not counted.</summary>
    public async Task WarmUpAsync(List<Staff> warmup)
    {
        foreach (var member in warmup)
        {
            await PunchAsync(member);
        }
        await Task.Delay(3000);
    }

    /// <summary>The steady rate: punch i is sent at start + i / rate, whether or not earlier ones have been answered.</summary>
    public async Task<ConcurrentDictionary<int, (DateTime SentUtc, DateTime AckUtc, bool Ok)>> RaiseAtSteadyRateAsync(List<Staff> measured, double rate, Stopwatch run)
    {
        var acks = new ConcurrentDictionary<int, (DateTime SentUtc, DateTime AckUtc, bool Ok)>();
        var sends = new List<Task>();
        for (var i = 0; i < measured.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - run.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var member = measured[i];
            sends.Add(Task.Run(async () =>
            {
                var sent = DateTime.UtcNow;
                var ok = await PunchAsync(member);
                acks[member.Id] = (sent, DateTime.UtcNow, ok);
            }));
        }
        await Task.WhenAll(sends);
        return acks;
    }

    private async Task<bool> PunchAsync(Staff member)
    {
        var local = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var response = await _http.PostAsJsonAsync("/api/absensi/punches", new[]
        {
            new { pin = member.Nip, timestamp = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) },
        });
        return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accepted").GetInt32() == 1;
    }

    public void Dispose() => _http.Dispose();
}
