using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>Page objects: what a user does on a page, in the user's words.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/akun/masuk");

    public async Task SignInAsync(string login, string password)
    {
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    public ILocator Error => page.Locator("[data-testid=login-error]");
}

public static class PageExtensions
{
    /// <summary>Waits until the Blazor circuit is connected; a click before that would be lost.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-circuit=ready]").WaitForAsync();

    /// <summary>Opens a page of the portal and waits for its circuit.</summary>
    public static async Task OpenAsync(this IPage page, string href)
    {
        await page.GotoAsync(href);
        await page.WaitForCircuitAsync();
    }

    /// <summary>A MudBlazor text field by its test id (the id lands on the input itself or on its wrapper).</summary>
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>The whole page, or with <paramref name="fullPage"/> false what the first screen shows (a phone's long list).</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name, bool fullPage = true)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png");
        if (fullPage)
        {
            // A page scrolled by the steps before would draw its fixed app bar in the middle of the picture.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }
}
