using System.Net;
using System.Net.Http.Headers;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>An unhandled error answers with the portal's error page, as guarded as every other page, and signs no one out.</summary>
public class ErrorPageTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>
{
    private static readonly string[] SecurityHeaders =
    [
        "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy",
    ];

    private async Task<HttpClient> SignedInBrowserAsync()
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        await client.SignInAsync("pegawai");
        return client;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(" | ", values) : null;

    [Fact]
    public async Task AnUnhandledErrorKeepsTheSecurityHeadersOfANormalPage()
    {
        var client = await SignedInBrowserAsync();
        var normal = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);

        var failed = await client.GetAsync(ProductionPortalFactory.FailingPath);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("Terjadi gangguan", await failed.Content.ReadAsStringAsync());
        foreach (var name in SecurityHeaders)
        {
            Assert.NotNull(Header(normal, name));
            Assert.Equal(Header(normal, name), Header(failed, name));
        }
        Assert.Single(failed.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task TheErrorPageShowsTheSignedInPersonAndTheSessionSurvivesIt()
    {
        var client = await SignedInBrowserAsync();
        var failed = await client.GetAsync(ProductionPortalFactory.FailingPath);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var page = await failed.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"signed-in-as\"", page);
        await using (var db = factory.CreateDbContext())
        {
            var name = db.Users.Where(u => u.UserName == "pegawai").Select(u => u.DisplayName).Single();
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(name), page);
        }

        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("data-testid=\"greeting\"", await after.Content.ReadAsStringAsync());
    }
}
