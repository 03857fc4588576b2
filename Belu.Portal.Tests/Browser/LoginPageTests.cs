using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class LoginPageTests(BrowserFixture fixture)
{
    /// <summary>What makes a field look like the portal's: its box, not the browser's default 2px inset.</summary>
    private const string BoxOf = "id => { const s = getComputedStyle(document.getElementById(id)); " +
        "return [s.borderTopWidth, s.borderTopLeftRadius, s.paddingLeft, s.paddingTop, s.fontSize, s.width].join(' '); }";

    [Theory]
    [InlineData(1366, 768, "login")]
    [InlineData(390, 844, "login-phone")]
    public async Task TheUserNameFieldIsStyledLikeThePasswordField(int width, int height, string screenshot)
    {
        var page = await fixture.NewPageAsync(width, height);
        await new LoginPage(page).OpenAsync();

        var userName = await page.EvaluateAsync<string>(BoxOf, "login");
        var password = await page.EvaluateAsync<string>(BoxOf, "password");
        Assert.Equal(password, userName);
        Assert.StartsWith("1px 6px", userName);
        Assert.Equal("text", await page.GetAttributeAsync("#login", "type"));
        // The card is a card: the theme's white surface and type, as on every other page.
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.login-card')).backgroundColor"));
        Assert.Contains("Roboto", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.login-card h5, .login-card .mud-typography')).fontFamily"));
        await page.ScreenshotAsync(screenshot);
    }
}
