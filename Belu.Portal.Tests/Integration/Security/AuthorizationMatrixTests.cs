using System.Net;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>
/// Every routable page and endpoint of the running app, read from its endpoint data source, against an explicit
/// table of who may open it. A new page or endpoint that is not in the table fails the test, so nothing is forgotten.
/// </summary>
public class AuthorizationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>How an endpoint is guarded: open to anybody (with the reason), signed-in people, or a named policy.</summary>
    private sealed record Gate(string? Policy, bool Public = false, string Why = "")
    {
        public static Gate Open(string why) => new(null, true, why);

        public static readonly Gate SignedIn = new(Policy: null);

        public static Gate For(string policy) => new(policy);
    }

    private const string Login = "/akun/masuk";

    /// <summary>The expectation table: "METHODS pattern" → gate. Framework files (static assets) are recognised separately.</summary>
    private static readonly Dictionary<string, Gate> Table = new(StringComparer.Ordinal)
    {
        // Foundation
        ["GET,POST /"] = Gate.SignedIn,
        ["GET,POST /tidak-ditemukan"] = Gate.Open("the not-found page"),
        ["GET,POST /status/{Code:int}"] = Gate.Open("status pages explain refusals to anybody"),
        ["* /health"] = Gate.Open("load balancer probe, no data"),
        ["GET,POST /akun/masuk"] = Gate.Open("the login form"),
        ["POST /akun/keluar"] = Gate.SignedIn,
        ["GET,POST /admin/akun"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/audit"] = Gate.For(Policies.Admin),
        // Organisation
        ["GET,POST /organisasi/unit"] = Gate.For(Policies.Admin),
        ["GET,POST /organisasi/pegawai"] = Gate.For(Policies.LeaderOrAdmin),
        // Admins appoint for any post; a leader sees his own post's appointments and appoints its Plh.
        ["GET,POST /admin/plh-plt"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET,POST /plh-plt"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET,POST /organisasi/pegawai/impor"] = Gate.For(Policies.Admin),
        ["GET /organisasi/pegawai/impor/templat.csv"] = Gate.For(Policies.Admin),
        // Reports
        ["GET /laporan/daftar-pegawai.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET /laporan/agenda-surat-masuk.xlsx"] = Gate.For(Policies.Staff),
        ["GET /laporan/agenda-surat-keluar.xlsx"] = Gate.For(Policies.Staff),
        ["GET /laporan/rekap-disposisi.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET /laporan/rekap-absensi.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET /laporan/terlambat-harian.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET /laporan/pantauan-disiplin.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        // Notifications and the board
        ["GET,POST /notifikasi"] = Gate.For(Policies.Staff),
        ["GET,POST /pengaturan/notifikasi"] = Gate.SignedIn,
        ["GET,POST /admin/log-pengiriman"] = Gate.For(Policies.Admin),
        ["* /hubs/notifications/negotiate"] = Gate.SignedIn,
        ["* /hubs/notifications"] = Gate.SignedIn,
        ["GET,POST /monitor"] = Gate.Open("a wall screen without a token sees a dark board, never data (BoardService.MayWatch)"),
        ["GET /monitor/masuk/{token}"] = Gate.Open("shows the display sign-in form; changes nothing (DisplaySignInTests)"),
        ["POST /monitor/masuk"] = Gate.Open("redeems a display token with the antiforgery token; a person is asked first"),
        ["GET,POST /admin/layar"] = Gate.For(Policies.Admin),
        // E-Surat
        ["GET,POST /surat/masuk"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/masuk/baru"] = Gate.For(Policies.Agendaris),
        ["GET,POST /surat/keluar"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/keluar/baru"] = Gate.For(Policies.Agendaris),
        ["GET,POST /naskah"] = Gate.For(Policies.Staff),
        ["GET,POST /naskah/baru"] = Gate.For(Policies.Staff),
        ["GET,POST /naskah/{Id:guid}"] = Gate.For(Policies.Staff),
        ["GET,POST /naskah/{Id:guid}/ubah"] = Gate.For(Policies.Staff),
        ["GET,POST /admin/kop-surat"] = Gate.For(Policies.Admin),
        ["GET /naskah/{id:guid}/pdf"] = Gate.For(Policies.Staff),
        ["GET,POST /admin/kunci-tanda-tangan"] = Gate.For(Policies.Admin),
        ["GET,POST /verifikasi/{Code}"] = Gate.Open("public check of a signed letter's QR code: facts and hash only, no secret subject; rate-limited per address"),
        ["GET,POST /surat/keluar/{Id:guid}"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/dasbor"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/disposisi-saya"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/{Id:guid}"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/{Id:guid}/lembar-disposisi"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/{Id:guid}/tanda-terima"] = Gate.For(Policies.Staff),
        ["GET /surat/lampiran/{id:guid}"] = Gate.For(Policies.Staff),
        ["GET /surat/srikandi/{register}/{id:guid}"] = Gate.For(Policies.Staff),
        ["GET,POST /admin/instruksi-disposisi"] = Gate.For(Policies.Admin),
        // E-Absen
        ["GET,POST /absensi"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/hari-ini"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET,POST /absensi/rekap"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET,POST /absensi/disiplin"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/permohonan"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/permohonan/{Id:guid}"] = Gate.For(Policies.Staff),
        ["GET /absensi/permohonan/{id:guid}/dokumen"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/qr/{Code}"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/kiosk"] = Gate.For(AttendancePolicies.Kiosk),
        ["GET,POST /admin/absensi/impor"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/jadwal"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/libur"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/koreksi"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/perangkat"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/perangkat/{Id:guid}"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/koreksi-mesin"] = Gate.For(Policies.Admin),
        ["POST /api/absensi/hadir"] = Gate.For(Policies.Staff),
        ["POST /api/absensi/qr"] = Gate.For(Policies.Staff),
        ["POST /api/absensi/punches"] = Gate.Open("attendance bridges authenticate with X-Device-Key (hashed per device)"),
        ["GET /iclock/cdata"] = Gate.Open("ZKTeco ADMS: an approved serial number from its network (MachineGate)"),
        ["POST /iclock/cdata"] = Gate.Open("ZKTeco ADMS upload, approved machines from their network only"),
        ["GET /iclock/ping"] = Gate.Open("ZKTeco push heartbeat, MachineGate"),
        ["GET,POST /iclock/registry"] = Gate.Open("ZKTeco push 3.x registration, MachineGate"),
        ["GET,POST /iclock/push"] = Gate.Open("ZKTeco push 3.x configuration, MachineGate"),
        ["GET /iclock/ping.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["GET,POST /iclock/registry.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["GET,POST /iclock/push.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["GET /iclock/getrequest"] = Gate.Open("ZKTeco ADMS command poll"),
        ["POST /iclock/devicecmd"] = Gate.Open("ZKTeco ADMS command reply"),
        ["GET /iclock/cdata.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["POST /iclock/cdata.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["GET /iclock/getrequest.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["POST /iclock/devicecmd.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        // Blazor's own plumbing: the circuit carries the user's cookie; pages inside check their own attributes.
        ["* /_blazor"] = Gate.Open("Blazor circuit hub"),
        ["* /_blazor/negotiate"] = Gate.Open("Blazor circuit hub"),
        ["* /_blazor/disconnect/"] = Gate.Open("Blazor circuit hub"),
        ["* /_blazor/initializers/"] = Gate.Open("Blazor JS initializers list"),
        ["GET /_framework/opaque-redirect"] = Gate.Open("Blazor enhanced-navigation redirect helper"),
        ["GET,HEAD /{**path:file}"] = Gate.Open("static file fallback of MapStaticAssets; serves wwwroot only"),
    };

    private static readonly string[] People = ["pegawai", "agendaris", "pimpinan", "admin", "display"];

    private sealed record Route(string Key, string Pattern, string[] Methods, RouteEndpoint Endpoint);

    private List<Route> Routes()
    {
        var routes = new List<Route>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Order(StringComparer.Ordinal).ToArray() ?? [];
            var key = (methods.Length == 0 ? "*" : string.Join(",", methods)) + " " + pattern;
            routes.Add(new Route(key, pattern, methods, endpoint));
        }
        return routes;
    }

    /// <summary>Files served by MapStaticAssets (CSS, scripts, fonts of the app and MudBlazor): public by nature, no data.</summary>
    private static bool IsStaticAsset(Route route) =>
        route.Endpoint.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true)
        && route.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;

    [Fact]
    public void EveryEndpointIsInTheTableAndItsMetadataMatches()
    {
        var problems = new List<string>();
        var routes = Routes();
        foreach (var route in routes.Where(r => !IsStaticAsset(r)))
        {
            var authorize = route.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var anonymous = route.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (!Table.TryGetValue(route.Key, out var gate))
            {
                var types = string.Join(" ", route.Endpoint.Metadata.Select(m => m.GetType().Name).Distinct());
                problems.Add($"not in the table: \"{route.Key}\" (authorize: {authorize.Count}, anonymous: {anonymous}; {types})");
                continue;
            }
            if (gate.Public)
            {
                // Open on purpose: nothing should claim otherwise, and the reason is written down.
                Assert.False(string.IsNullOrWhiteSpace(gate.Why));
                if (authorize.Count > 0 && !anonymous)
                {
                    problems.Add($"{route.Key} is listed as public but requires authorization");
                }
                continue;
            }
            if (anonymous)
            {
                problems.Add($"{route.Key} allows anonymous access but the table requires {gate.Policy ?? "sign-in"}");
            }
            if (authorize.Count == 0)
            {
                problems.Add($"{route.Key} has NO authorization metadata and is not on the public list");
            }
            else if (gate.Policy is not null && !authorize.Any(a => a.Policy == gate.Policy))
            {
                problems.Add($"{route.Key} requires [{string.Join(", ", authorize.Select(a => a.Policy ?? a.Roles ?? "signed-in"))}], the table says {gate.Policy}");
            }
        }
        var stale = Table.Keys.Except(routes.Select(r => r.Key)).ToList();
        problems.AddRange(stale.Select(k => $"the table names \"{k}\", which the app no longer maps"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(routes, IsStaticAsset);
    }

    /// <summary>A concrete address for a pattern: route parameters get a random value, so a guess finds nothing.</summary>
    private static string Sample(string pattern) => pattern
        .Replace("{Code:int}", "404")
        .Replace("{Id:guid}", Guid.NewGuid().ToString())
        .Replace("{id:guid}", Guid.NewGuid().ToString())
        .Replace("{Code}", "KODE-PALSU")
        .Replace("{register}", "masuk")
        .Replace("{token}", "token-palsu");

    private async Task<bool> MayAsync(string? userName, Gate gate)
    {
        if (gate.Public)
        {
            return true;
        }
        if (userName is null)
        {
            return false;
        }
        if (gate.Policy is null)
        {
            return true;
        }
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
        string[] allowed = gate.Policy switch
        {
            Policies.Staff => [.. Roles.Staff],
            Policies.LeaderOrAdmin => [Roles.Pimpinan, Roles.Admin],
            AttendancePolicies.Kiosk => [Roles.Display, Roles.Admin],
            _ => [gate.Policy],
        };
        return roles.Any(allowed.Contains);
    }

    [Fact]
    public async Task EveryPageAnswersItsPeopleAndRefusesEveryoneElseWithoutData()
    {
        var clients = new Dictionary<string, HttpClient> { [""] = factory.CreateBrowserLikeClient() };
        foreach (var person in People)
        {
            var client = factory.CreateBrowserLikeClient();
            await client.SignInAsync(person);
            clients[person] = client;
        }

        var problems = new List<string>();
        var checkedCount = 0;
        // The display sign-in signs a bad token's client out, so it is visited last.
        var pages = Routes().Where(r => !IsStaticAsset(r) && r.Methods.Contains("GET") && Table.ContainsKey(r.Key))
            .OrderBy(r => r.Pattern.StartsWith("/monitor/masuk", StringComparison.Ordinal)).ToList();
        foreach (var route in pages)
        {
            var gate = Table[route.Key];
            if (route.Pattern.StartsWith("/iclock", StringComparison.Ordinal) || route.Pattern.StartsWith("/_", StringComparison.Ordinal)
                || route.Pattern.Contains("**", StringComparison.Ordinal))
            {
                continue; // Device and framework endpoints have their own tests; they hold no page.
            }
            var path = Sample(route.Pattern);
            var parameterised = path != route.Pattern;
            foreach (var (person, client) in clients)
            {
                var userName = person.Length == 0 ? null : person;
                var may = await MayAsync(userName, gate);
                using var response = await client.GetAsync(path);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var body = await response.Content.ReadAsStringAsync();
                var who = userName ?? "anonymous";
                checkedCount++;
                var refusedToLogin = status is 401 || (status is 302 && location.Contains(Login, StringComparison.Ordinal));
                if (may)
                {
                    var ok = status is >= 200 and < 300 || (parameterised && status == 404)
                        || (gate.Public && status is >= 300 and < 500 && !refusedToLogin && status != 403);
                    if (!ok)
                    {
                        problems.Add($"{who} GET {path}: expected an answer, got {status} {location}");
                    }
                    continue;
                }
                if (userName is null)
                {
                    if (!refusedToLogin)
                    {
                        problems.Add($"anonymous GET {path}: expected the login redirect or 401, got {status} {location}");
                    }
                }
                else if (status != 403)
                {
                    problems.Add($"{who} GET {path}: expected 403, got {status} {location}");
                }
                // A refusal carries the refusal page at most: no table, no list, no file.
                if (status is 403 && !(body.Length == 0 || body.Contains("Akses ditolak", StringComparison.Ordinal)))
                {
                    problems.Add($"{who} GET {path}: the 403 carries something other than the refusal page");
                }
                if (status is 302 or 401 && body.Length > 0)
                {
                    problems.Add($"{who} GET {path}: the refusal carries a body");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedCount > 150, $"only {checkedCount} requests checked");
    }

    [Fact]
    public async Task NobodySignedInCanPostToAGuardedEndpoint()
    {
        var client = factory.CreateBrowserLikeClient();
        foreach (var route in Routes().Where(r => !IsStaticAsset(r) && Table.TryGetValue(r.Key, out var g) && !g.Public && r.Methods.Contains("POST")))
        {
            var path = Sample(route.Pattern);
            using var response = await client.PostAsync(path, new FormUrlEncodedContent([]));
            var location = response.Headers.Location?.ToString() ?? "";
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest
                    || (response.StatusCode == HttpStatusCode.Redirect && location.Contains(Login, StringComparison.Ordinal)),
                $"anonymous POST {path}: {(int)response.StatusCode} {location}");
        }
    }
}
