using Belu.Portal.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Components;

public class StateComponentsTests
{
    [Fact]
    public async Task TheErrorStateOffersARetryThatCallsBack()
    {
        await using var ctx = new MudContext();
        var retried = 0;
        var cut = ctx.Render<ErrorState>(p => p
            .Add(x => x.Message, "Data gagal dimuat.")
            .Add(x => x.OnRetry, EventCallback.Factory.Create(this, () => retried++)));
        Assert.Contains("Data gagal dimuat.", cut.Markup);
        cut.Find("button").Click();
        Assert.Equal(1, retried);
    }

    [Fact]
    public async Task TheErrorStateWithoutRetryHasNoButton()
    {
        await using var ctx = new MudContext();
        var cut = ctx.Render<ErrorState>();
        Assert.Empty(cut.FindAll("button"));
    }

    [Theory]
    [InlineData(403, "Akses ditolak")]
    [InlineData(404, "Halaman tidak ditemukan")]
    [InlineData(500, "Terjadi gangguan")]
    public async Task StatusPagesSpeakIndonesian(int code, string title)
    {
        await using var ctx = new MudContext();
        var cut = ctx.Render<StatusMessage>(p => p.Add(x => x.Code, code));
        Assert.Equal(title, cut.Find("[data-status]").TextContent);
    }
}
