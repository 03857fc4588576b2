using System.Globalization;
using System.Net;
using System.Text;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Reports.EmployeeList;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Integration.Metrics;

/// <summary>The fake-clock demo portal whose Prometheus stands at 127.0.0.70 (Metrics:AllowedNetworks 127.0.0.64/29).</summary>
public sealed class MetricsPortalFactory : FakeClockPortalFactory
{
    public const string Prometheus = "127.0.0.70";

    public const string Outsider = "127.0.0.200";

    public MetricsPortalFactory() => WithSetting("Metrics:AllowedNetworks:0", "127.0.0.64/29");
}

/// <summary>
/// A collection run alone, after the parallel ones: OpenTelemetry listens to meters by name across the process, merges
/// the same instrument of several portals into one stream, and drops that stream when any of those portals is disposed,
/// so another test class's portal ending mid-test would empty this portal's scrape.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics, alone";
}

/// <summary>
/// /metrics in Prometheus's text format (docs/decisions/0027): what a check-in, a late notice, an export and a machine's contact
/// leave there, and who may read it. The assertions ask for "at least", never an exact total.
/// </summary>
[Collection(MetricsCollection.Name)]
public class MetricsTests(MetricsPortalFactory factory) : IClassFixture<MetricsPortalFactory>
{
    [Fact]
    public async Task AScrapeAfterACheckInAndAnExportFindsTheirCountersTheRouteAndThePush()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        // 07:45 WITA on a Friday: a late check-in, whose notice is pushed to the unit's leaders.
        var checkIn = await client.PostAsync("/api/absensi/hadir", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        var machine = TestRemoteAddress.From(factory, "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync($"/iclock/cdata?SN={AttendanceDemoSeed.DemoMachineSerial}&options=all")).StatusCode);

        var admin = factory.CreateBrowserLikeClient();
        await admin.SignInAsync("admin");
        var export = await admin.GetAsync(EmployeeListReport.Path + "?active=true");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await export.Content.ReadAsByteArrayAsync();

        // The export is measured as its last byte leaves, a moment after the client may have read it.
        var prometheus = TestRemoteAddress.From(factory, MetricsPortalFactory.Prometheus);
        var scrape = await prometheus.GetStringAsync("/metrics");
        for (var i = 0; i < 50 && Value(scrape, "belu_report_export_duration_seconds_count", "report=\"daftar-pegawai\"") < 1; i++)
        {
            await Task.Delay(100);
            scrape = await prometheus.GetStringAsync("/metrics");
        }

        Assert.True(Value(scrape, "belu_attendance_punches_total", "source=\"web\"", "outcome=\"accepted\"") >= 1, scrape);
        Assert.True(Value(scrape, "http_server_request_duration_seconds_count", "http_route=\"/api/absensi/hadir\"") >= 1, scrape);
        Assert.True(Value(scrape, "belu_push_latency_seconds_count") >= 1, scrape);
        Assert.True(Value(scrape, "belu_report_export_duration_seconds_count", "report=\"daftar-pegawai\"", "writer=", "outcome=\"ok\"") >= 1, scrape);
        Assert.Contains("\nbelu_outbox_backlog", scrape);
        Assert.Contains("\nbelu_outbox_age_seconds", scrape);
        Assert.Contains(Lines(scrape, "belu_machine_silence_seconds"), l => l.Contains($"machine=\"{AttendanceDemoSeed.DemoMachineSerial}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyAnAdminOrTheAllowedNetworkMayScrapeOthersFindNothing()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await TestRemoteAddress.From(factory, MetricsPortalFactory.Outsider).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SignedInFromOutsideAsync("pegawai")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SignedInFromOutsideAsync("pimpinan")).StatusCode);

        var admin = await SignedInFromOutsideAsync("admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("# TYPE ", await admin.Content.ReadAsStringAsync());
        var prometheus = await TestRemoteAddress.From(factory, MetricsPortalFactory.Prometheus).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, prometheus.StatusCode);
        Assert.StartsWith("text/plain", prometheus.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> SignedInFromOutsideAsync(string user)
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, MetricsPortalFactory.Outsider);
        await client.SignInAsync(user);
        return await client.GetAsync("/metrics");
    }

    private static IEnumerable<string> Lines(string scrape, string metric) =>
        scrape.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal));

    /// <summary>The sum of a metric's series that carry all the given labels (a line is <c>name{labels} value [time]</c>).</summary>
    internal static double Value(string scrape, string metric, params string[] labels) =>
        Lines(scrape, metric).Where(l => labels.All(l.Contains))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
