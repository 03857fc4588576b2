using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>
/// A running portal of the given setup (on a real port) and one Chromium: the shared fixture (<see cref="BrowserFixture"/>)
/// and the journeys that need a portal of their own (a fake clock they move) derive from it and add only what differs.
/// </summary>
public abstract class PortalBrowserFixture<TPortal> : IAsyncLifetime where TPortal : PortalFactory, new()
{
    private IPlaywright? _playwright;

    public TPortal Portal { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Chromium switches beyond <see cref="Chromium.Arguments"/> (a fake camera, say).</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        await Chromium.EnsureInstalledAsync();
        // Two cores shared by the whole suite: a server round trip can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        BaseUrl = Portal.BaseUrl;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = [.. Chromium.Arguments, .. ExtraArguments],
            Headless = true,
        });
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
    }

    /// <summary>A fresh browser profile (cookies, storage) at a desktop-office size; <paramref name="configure"/> adds downloads, a location, permissions.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768, Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        };
        configure?.Invoke(options);
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        PageDiagnostics.Watch(page);
        return page;
    }

    /// <summary>A fresh browser profile signed in through the login form as <paramref name="user"/>, its circuit up.</summary>
    public async Task<IPage> SignedInAsync(string user, int width = 1366, int height = 768, Action<BrowserNewContextOptions>? configure = null)
    {
        var page = await NewPageAsync(width, height, configure);
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync(user, PortalFactory.Password);
        await page.WaitForCircuitAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}
