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
public partial class AuthorizationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
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
