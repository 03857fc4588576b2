using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class CircuitReadinessTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ControlsShownBeforeTheCircuitAttachesTakeNoInputUntilItHas()
    {
        var page = await fixture.NewPageAsync();
        await new LetterPages(page).SignInAsync("pimpinan");

        // A busy server, played by holding Blazor's script back: the prerendered page is there, its circuit is not.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/_framework/blazor.web*.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/surat/masuk", new() { WaitUntil = WaitUntilState.Commit });
        var search = page.Field("letter-search");
        await search.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-circuit=prerender]")).ToHaveAttributeAsync("aria-busy", "true");
        await Assertions.Expect(page.Locator(".mud-main-content")).ToHaveAttributeAsync("inert", "");
        await page.ScreenshotAsync("belum-siap");

        await search.FocusAsync();
        Assert.False(await search.EvaluateAsync<bool>("el => el === document.activeElement"), "a control took focus before its page was live");
        await search.ClickAsync(new() { Force = true });
        await page.Keyboard.TypeAsync("rapat");
        Assert.Equal("", await search.InputValueAsync());

        release.SetResult();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".mud-main-content")).Not.ToHaveAttributeAsync("inert", new System.Text.RegularExpressions.Regex(".*"));
        await search.FillAsync("rapat");
        await Assertions.Expect(search).ToHaveValueAsync("rapat");
    }
}
