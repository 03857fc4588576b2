using System.Net;
using System.Text.RegularExpressions;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

public partial class FormsAndCookiesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EveryPageRefusesAFormPostWithoutTheAntiforgeryToken()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToList();
        Assert.True(pages.Count > 20, $"only {pages.Count} pages found");
        foreach (var pattern in pages)
        {
            var path = Regex.Replace(pattern, "{[^}]+}", m => m.Value.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : m.Value.Contains("int", StringComparison.Ordinal) ? "400" : "x");
            using var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "palsu" }));
            // 400 from the antiforgery check, or 403 where the admin may not open the page at all: never processed.
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"POST {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task OverHttpsEveryCookieIsSecureHttpOnlyAndSameSite()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var form = await client.GetAsync("/akun/masuk");
        var login = await client.PostLoginAsync("pegawai", PortalFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var cookies = form.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("belu.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        foreach (var cookie in cookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)))
        {
            var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("secure"), $"not Secure: {cookie}");
            Assert.True(attributes.Contains("httponly"), $"not HttpOnly: {cookie}");
            Assert.True(attributes.Any(a => a.StartsWith("samesite=", StringComparison.Ordinal)), $"no SameSite: {cookie}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
