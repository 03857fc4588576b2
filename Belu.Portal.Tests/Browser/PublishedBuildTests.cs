using System.Net;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>
/// The published build, as the README tells an operator to run it: <c>dotnet publish -c Release</c> once per run,
/// started from its folder in Production on a fresh SQLite database. <c>dotnet run</c> in Production serves no
/// framework files (they come from the packages only in Development); the published folder carries them in wwwroot.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Process")]
[Trait("Category", "Browser")]
public class PublishedBuildTests(BrowserFixture browser, PublishedPortal portal) : IClassFixture<PublishedPortal>
{
    [Fact]
    public async Task ThePublishedPortalInProductionServesItsPagesInteractively()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        PageDiagnostics.Watch(page);
        var assets = new List<(string Url, int Status)>();
        page.Response += (_, response) =>
        {
            lock (assets)
            {
                assets.Add((response.Url, response.Status));
            }
        };

        await page.GotoAsync("/akun/masuk");
        await page.NavigatesAsync(() => new LoginPage(page).SignInAsync("admin", PortalFactory.Password), url => !url.Contains("/akun/masuk"));
        await page.WaitForCircuitAsync();

        // The framework's script and MudBlazor's style and script came from the published folder.
        lock (assets)
        {
            // Fingerprinted or not (MapStaticAssets serves both names): blazor.web.js, MudBlazor.min.css, MudBlazor.min.js.
            foreach (var (start, end) in new[] { ("/_framework/blazor.web.", ".js"), ("/_content/MudBlazor/MudBlazor.min.", ".css"), ("/_content/MudBlazor/MudBlazor.min.", ".js") })
            {
                Assert.Contains(assets, a => new Uri(a.Url).AbsolutePath is var path && path.StartsWith(start, StringComparison.Ordinal)
                    && path.EndsWith(end, StringComparison.Ordinal) && a.Status == 200);
            }
            Assert.DoesNotContain(assets, a => a.Status >= 400);
        }

        // A click reaches the circuit: the user menu opens and offers to sign out.
        await page.Locator("[data-testid=user-menu-button]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=logout]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('.mud-popover-open')).opacity === '1'");
        await page.ScreenshotAsync("published-build-production", fullPage: false);

        // The live circuit is counted by ASP.NET Core's own meter, read on the scrape.
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        Assert.Contains("aspnetcore_components_circuit_active", await http.GetStringAsync("/metrics"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task ThePublishedPortalServesTheFrameworkFilesAndItsMetrics()
    {
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        foreach (var asset in new[] { "/_framework/blazor.web.js", "/_content/MudBlazor/MudBlazor.min.css", "/_content/MudBlazor/MudBlazor.min.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(asset)).StatusCode);
        }

        // A Prometheus on the same server (loopback is in Metrics:AllowedNetworks here) reads the framework's meters too.
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics);
        Assert.Contains("belu_outbox_backlog", metrics);
        Assert.Contains("dotnet_gc_", metrics);
    }
}
