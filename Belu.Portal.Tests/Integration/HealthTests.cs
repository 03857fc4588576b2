using System.Net;
using System.Text.Json;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Integration;

public class HealthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task HealthReportsTheStatusWithoutSigningInAndTheDetailToAdmins()
    {
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.TryGetProperty("checks", out _));

        var admin = factory.CreateBrowserLikeClient();
        await admin.SignInAsync("admin");
        using var detail = JsonDocument.Parse(await admin.GetStringAsync("/health"));
        Assert.Equal("Healthy", detail.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnknownPageSaysSoInIndonesian()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var response = await client.GetAsync("/tidak/ada/di/sini");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", await response.Content.ReadAsStringAsync());
    }
}
