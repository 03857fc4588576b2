using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Belu.Portal.Bench.Rush;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Devices;

namespace Belu.Portal.Bench.Attlog;

/// <summary>
/// Does a fingerprint machine's large upload starve the people checking in on the web? The same open-loop web
/// check-ins run twice against one portal: alone, then while an approved ADMS machine uploads ATTLOG bodies of
/// about 2 MB back to back. The figure that matters is the web check-in's p99 with the uploads against without.
/// </summary>
internal static class AttlogBench
{
    public const string Usage =
        "attlog [--rate 20] [--seconds 30] [--staff 2000] [--web-users 200] [--kib 1900]   web check-in latency during 2 MB ATTLOG uploads";

    private const string Serial = "BENCHATTLOG01";

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Option(args, "--rate", 20);
        var duration = TimeSpan.FromSeconds(Option(args, "--seconds", 30));
        var staff = Option(args, "--staff", 2000);
        var webUsers = Option(args, "--web-users", 200);
        var kib = Option(args, "--kib", 1900);

        var root = Path.Combine(Path.GetTempPath(), "belu-attlog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var connection = $"Data Source={Path.Combine(root, "portal.db")}";
        await using var portal = new PortalHost(root, "Sqlite", connection);
        var morning = await StartAtMorningAsync(portal, root);
        var today = DateOnly.FromDateTime(morning.DateTime);
        var people = await RushSeed.SeedAsync("Sqlite", connection, staff, webUsers);
        await ApproveMachineAsync(connection, people.DeviceUnitId, morning);
        var cookies = await RushBench.SignInAllAsync(portal.BaseUrl, people.WebStaff.Select(w => w.UserName).ToList());

        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 };
        using var client = new HttpMessageInvoker(handler);
        var checkIn = WebCheckIns(portal.BaseUrl, cookies);
        var timeout = TimeSpan.FromSeconds(30);

        Console.WriteLine("warming up ...");
        await OpenLoop.RunAsync("web", "Sqlite", client, rate, TimeSpan.FromSeconds(5), checkIn, RushBench.ReadWeb, timeout);
        await UploadAsync(portal.BaseUrl, Body(people.DeviceStaff, today, 0, kib));

        var alone = await OpenLoop.RunAsync("web alone", "Sqlite", client, rate, duration, checkIn, RushBench.ReadWeb, timeout);
        Print(alone);
        var (during, uploads) = await DuringUploadsAsync(portal.BaseUrl, () =>
            OpenLoop.RunAsync("web during ATTLOG", "Sqlite", client, rate, duration, checkIn, RushBench.ReadWeb, timeout),
            round => Body(people.DeviceStaff, today, round, kib));
        Print(during);
        foreach (var (took, answer) in uploads)
        {
            Console.WriteLine($"  upload of {kib} KiB: {took.TotalSeconds:0.00} s, answered '{answer}'");
        }
        Console.WriteLine($"web check-in p99 during the uploads / alone: {during.P99 / Math.Max(0.001, alone.P99):0.00}x (goal: at most 2x)");
        return 0;
    }

    /// <summary>
    /// The office's morning whatever the hour of the run: the portal's clock starts at 07:00 WITA today (a setting
    /// honoured only in Development), so web check-ins are inside their window and the machine's lines of 00:00 to
    /// 06:55 lie in the past of an open day.
    /// </summary>
    private static async Task<DateTimeOffset> StartAtMorningAsync(PortalHost portal, string root)
    {
        var wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), wita).DateTime);
        var morning = new DateTimeOffset(today.ToDateTime(new TimeOnly(7, 0)), TimeSpan.FromHours(8));
        portal.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        portal.Environment["Clock__StartsAt"] = morning.ToString("O", CultureInfo.InvariantCulture);
        Console.WriteLine($"starting the portal on {portal.BaseUrl} (portal.log in {root}) ...");
        await portal.StartAsync(TimeSpan.FromMinutes(5));
        return morning;
    }

    /// <summary>The ADMS machine that uploads, approved for the device unit on loopback.</summary>
    private static async Task ApproveMachineAsync(string connection, int unitId, DateTimeOffset morning)
    {
        await using var db = RushSeed.Open("Sqlite", connection);
        db.AttendanceDevices.Add(new AttendanceDevice
        {
            Name = "Mesin uji unggah besar", Kind = DeviceKind.Adms, SerialNumber = Serial, UnitId = unitId,
            Approval = MachineApproval.Disetujui, AllowedNetwork = "127.0.0.1", CreatedUtc = morning.UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Web check-ins, each with the next signed-in person's cookie.</summary>
    private static Func<int, HttpRequestMessage> WebCheckIns(string baseUrl, string[] cookies)
    {
        var web = 0;
        return _ =>
        {
            var c = Interlocked.Increment(ref web) - 1;
            var message = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/api/absensi/hadir") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            message.Headers.Add("Cookie", cookies[c % cookies.Length]);
            return message;
        };
    }

    /// <summary>Runs <paramref name="measure"/> while the machine uploads body after body, back to back.</summary>
    private static async Task<(RunFigures During, List<(TimeSpan Took, string Answer)> Uploads)> DuringUploadsAsync(
        string baseUrl, Func<Task<RunFigures>> measure, Func<int, string> body)
    {
        using var stop = new CancellationTokenSource();
        var uploads = new List<(TimeSpan Took, string Answer)>();
        var uploading = Task.Run(async () =>
        {
            for (var round = 1; !stop.IsCancellationRequested; round++)
            {
                uploads.Add(await UploadAsync(baseUrl, body(round)));
            }
        });
        var during = await measure();
        await stop.CancelAsync();
        await uploading;
        return (during, uploads);
    }

    /// <summary>
    /// One upload: tab-separated ATTLOG lines (PIN, local time, status, verify, ...) of the machine's staff, each at a
    /// minute between 00:00 and 06:55 of today not used by the previous rounds, so that the lines are new punches.
    /// </summary>
    private static string Body(IReadOnlyList<(int Id, string Nip)> staff, DateOnly today, int round, int kib)
    {
        const int minutes = 6 * 60 + 55;
        var midnight = today.ToDateTime(TimeOnly.MinValue);
        var text = new StringBuilder(kib * 1024 + 100);
        for (var i = 0; text.Length < kib * 1024; i++)
        {
            var person = staff[i % staff.Count];
            var minute = (round * 25 + i / staff.Count) % minutes;
            var at = midnight.AddMinutes(minute);
            text.Append(person.Nip).Append('\t').Append(at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("\t0\t1\t0\t0\t0\n");
        }
        return text.ToString();
    }

    private static async Task<(TimeSpan, string)> UploadAsync(string baseUrl, string body)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync($"{baseUrl}/iclock/cdata?SN={Serial}&table=ATTLOG&Stamp=9999", content);
        var answer = (await response.Content.ReadAsStringAsync()).Trim();
        return (watch.Elapsed, $"{(int)response.StatusCode} {answer}");
    }

    private static void Print(RunFigures r) => Console.WriteLine(
        $"{r.Path,-20} {r.TargetRate}/s x {r.Seconds:0} s: ok {r.Ok}/{r.Sent}  p50 {r.P50:0.0} ms  p95 {r.P95:0.0} ms  p99 {r.P99:0.0} ms  max {r.Max:0.0} ms" +
        (r.FirstError is null ? "" : $"  first error: {r.FirstError}"));

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
