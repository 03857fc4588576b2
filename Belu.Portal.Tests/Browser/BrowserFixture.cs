using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>One running portal (on a real port) and one Chromium, shared by the browser journeys.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public KestrelPortalFactory Portal { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots land beside the test binaries; set BELU_SCREENSHOTS to collect them elsewhere.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("BELU_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        await Chromium.EnsureInstalledAsync();
        BaseUrl = Portal.BaseUrl;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments,
            Headless = true,
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser profile (cookies, storage) at a desktop-office size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        PageDiagnostics.Watch(page);
        return page;
    }

    /// <summary>A fresh browser profile signed in through the login form as <paramref name="user"/>, its circuit up.</summary>
    public async Task<IPage> SignedInAsync(string user, int width = 1366, int height = 768)
    {
        var page = await NewPageAsync(width, height);
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

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
