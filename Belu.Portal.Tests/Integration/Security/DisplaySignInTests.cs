using System.Net;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>A display address never signs a staff member out nor swaps their session, and its sign-in needs the page's form.</summary>
public class DisplaySignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<string> NewTokenAsync(string name)
    {
        await using var admin = await factory.ScopeForAsync("admin");
        return await admin.ServiceProvider.GetRequiredService<DisplayTokenService>().CreateAsync(name, []);
    }

    [Fact]
    public async Task OpeningADisplayAddressLeavesAStaffSessionAsItWas()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var secret = await NewTokenAsync("Layar Tautan Jahat");

        var page = await client.GetAsync($"/monitor/masuk/{secret}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("belu.auth=", StringComparison.Ordinal)));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Jadikan peramban ini layar monitor?", html);
        Assert.Contains("data-auto-submit=\"false\"", html);
        var bad = await client.GetAsync("/monitor/masuk/palsu");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/absensi")).StatusCode);
    }

    [Fact]
    public async Task TheSignInPostWithoutThePagesTokenIsRefused()
    {
        var secret = await NewTokenAsync("Layar Tanpa Formulir");
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostAsync("/monitor/masuk", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = secret }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ASignedInPersonIsSwitchedToAScreenOnlyWhenTheyConfirm()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var secret = await NewTokenAsync("Layar Dikonfirmasi");

        var unconfirmed = await client.PostDisplaySignInAsync(secret);
        Assert.Equal("/", unconfirmed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/absensi")).StatusCode);

        var confirmed = await client.PostDisplaySignInAsync(secret, confirm: true);
        Assert.Equal("/monitor", confirmed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AScreenSubmitsTheFormByItself()
    {
        var secret = await NewTokenAsync("Layar Otomatis");
        var client = factory.CreateBrowserLikeClient();
        var html = await client.GetStringAsync($"/monitor/masuk/{secret}");
        Assert.Contains("data-auto-submit=\"true\"", html);
        Assert.Contains("/js/display-sign-in.js", html);
        Assert.Equal("/monitor", (await client.PostDisplaySignInAsync(secret)).Headers.Location!.OriginalString);
    }
}
