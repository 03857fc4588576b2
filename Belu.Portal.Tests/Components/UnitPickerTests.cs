using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Organization.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Components;

public class UnitPickerTests
{
    private static readonly UnitTree Tree = new(
    [
        new(1, null, "Pemerintah Kabupaten Belu", "PEMKAB", UnitKind.Pemkab, 0, true),
        new(2, 1, "Dinas Komunikasi dan Informatika", "DISKOMINFO", UnitKind.Opd, 0, true),
        new(3, 2, "Bidang Aplikasi Informatika", "DISKOMINFO-03", UnitKind.Bidang, 0, true),
        new(4, 1, "Dinas Kesehatan", "DINKES", UnitKind.Opd, 1, false),
    ]);

    [Fact]
    public async Task TheSelectedUnitShowsItsPath()
    {
        await using var ctx = new MudContext();
        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<UnitPicker>(p => p.Add(x => x.Tree, Tree).Add(x => x.Value, 3));
        Assert.Equal("Dinas Komunikasi dan Informatika › Bidang Aplikasi Informatika", cut.Find("input").GetAttribute("value"));
    }

    [Fact]
    public async Task TypingFindsUnitsByNameOrCodeAndRespectsTheFilter()
    {
        await using var ctx = new MudContext();
        var popover = ctx.Render<MudPopoverProvider>();
        int? chosen = null;
        var cut = ctx.Render<UnitPicker>(p => p
            .Add(x => x.Tree, Tree)
            .Add(x => x.Filter, u => u.IsActive)
            .Add(x => x.ValueChanged, (int? v) => chosen = v));

        cut.Find("input").Input("dinas");
        popover.WaitForAssertion(() => Assert.Contains("Dinas Komunikasi dan Informatika", popover.Markup));
        Assert.DoesNotContain("Dinas Kesehatan", popover.Markup);

        popover.FindAll(".mud-list-item").First(i => i.TextContent.Contains("DISKOMINFO ·")).Click();
        cut.WaitForAssertion(() => Assert.Equal(2, chosen));
    }
}
