using Belu.Portal.Features.Reports.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Components;

public class ReportDownloadButtonTests
{
    private const string Module = "./Features/Reports/Components/ReportDownloadButton.razor.js";
    private const string Url = "/laporan/daftar-pegawai.xlsx?unit=3&active=true";

    [Fact]
    public async Task TheButtonIsBusyWhileTheFileIsPreparedAndCannotBeClickedTwice()
    {
        await using var ctx = new MudContext(JSRuntimeMode.Strict);
        var module = ctx.JSInterop.SetupModule(Module);
        var download = module.Setup<ReportDownloadButton.DownloadResult>("download", call => Equals(call.Arguments[0], Url));
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var cut = ctx.Render<ReportDownloadButton>(p => p.Add(x => x.Url, Url));

        Assert.Contains("Unduh Excel", cut.Markup);
        cut.Find("button").Click();
        cut.WaitForAssertion(() => Assert.Contains("Menyiapkan", cut.Markup));
        Assert.True(cut.Find("button").HasAttribute("disabled"));
        cut.Find("button").Click();
        Assert.Single(module.Invocations["download"]);

        download.SetResult(new(true, 200, null, "daftar-pegawai-diskominfo-2026-11-28.xlsx"));
        cut.WaitForAssertion(() => Assert.Contains("Unduh Excel", cut.Markup));
        Assert.False(cut.Find("button").HasAttribute("disabled"));
        snackbars.WaitForAssertion(() => Assert.Contains("daftar-pegawai-diskominfo-2026-11-28.xlsx telah diunduh", snackbars.Markup));
    }

    [Fact]
    public async Task ARefusalShowsTheServersMessage()
    {
        await using var ctx = new MudContext(JSRuntimeMode.Strict);
        var module = ctx.JSInterop.SetupModule(Module);
        module.Setup<ReportDownloadButton.DownloadResult>("download", _ => true)
            .SetResult(new(false, 429, "Server sedang menyiapkan banyak laporan lain. Silakan coba lagi dalam satu menit.", null));
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var cut = ctx.Render<ReportDownloadButton>(p => p.Add(x => x.Url, Url));

        cut.Find("button").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Silakan coba lagi dalam satu menit", snackbars.Markup));
        Assert.False(cut.Find("button").HasAttribute("disabled"));
    }
}
