using Belu.Portal.Components.Shared;
using Belu.Portal.Features.Letters.Components;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Bunit;
using MudBlazor;

namespace Belu.Portal.Tests.Components;

/// <summary>
/// The letter lists draw their chips as plain markup (decision 0029); they must look exactly like MudChip, in every
/// colour and variant the portal uses, or the list would change its look when MudBlazor changes its markup.
/// </summary>
public class LightChipTests
{
    public static TheoryData<Color, Variant, bool> Kinds()
    {
        var data = new TheoryData<Color, Variant, bool>();
        foreach (var color in new[] { Color.Default, Color.Info, Color.Warning, Color.Success, Color.Error, Color.Secondary })
        {
            foreach (var variant in new[] { Variant.Filled, Variant.Outlined })
            {
                data.Add(color, variant, color == Color.Error);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ALightChipCarriesMudChipsClassesAndIcon(Color color, Variant variant, bool withIcon)
    {
        await using var ctx = new MudContext();
        var icon = withIcon ? Icons.Material.Filled.Lock : null;
        var mud = ctx.Render<MudChip<string>>(p => p.Add(x => x.Size, Size.Small).Add(x => x.Color, color).Add(x => x.Variant, variant)
            .Add(x => x.Icon, icon).AddChildContent("Rahasia"));
        var light = ctx.Render(LightChip.Small("Rahasia", color, variant, icon));

        var expected = mud.Find(".mud-chip");
        var actual = light.Find(".mud-chip");
        Assert.Equal(expected.ClassList.OrderBy(c => c), actual.ClassList.OrderBy(c => c));
        Assert.Equal(expected.QuerySelector(".mud-chip-content")!.TextContent, actual.QuerySelector(".mud-chip-content")!.TextContent);
        Assert.Equal(expected.QuerySelector("svg")?.ClassName, actual.QuerySelector("svg")?.ClassName);
        Assert.Equal(expected.QuerySelector("svg")?.InnerHtml.Replace("<!--!-->", ""), actual.QuerySelector("svg")?.InnerHtml);
        Assert.NotNull(light.Find(".mud-chip-container > .mud-chip"));
    }

    [Fact]
    public async Task TheStateChipMarksItsStateAndTerlambatStandsOut()
    {
        await using var ctx = new MudContext();
        var overdue = ctx.Render<StateChip>(p => p.Add(x => x.State, LetterState.Terlambat)).Find(".mud-chip");
        var done = ctx.Render<StateChip>(p => p.Add(x => x.State, LetterState.Selesai)).Find(".mud-chip");

        Assert.Equal("Terlambat", overdue.GetAttribute("data-state"));
        Assert.Contains("mud-chip-filled", overdue.ClassList);
        Assert.Contains("mud-chip-color-error", overdue.ClassList);
        Assert.Equal("Selesai", done.GetAttribute("data-state"));
        Assert.Contains("mud-chip-outlined", done.ClassList);
        Assert.Equal("Selesai", done.TextContent.Trim());
    }

    [Fact]
    public async Task TheSecurityChipShowsOnlyWhatIsNotOrdinary()
    {
        await using var ctx = new MudContext();
        var ordinary = ctx.Render<SecurityChip>(p => p.Add(x => x.Security, SecurityClass.Biasa).Add(x => x.Urgency, Urgency.Biasa));
        var secret = ctx.Render<SecurityChip>(p => p.Add(x => x.Security, SecurityClass.Rahasia).Add(x => x.Urgency, Urgency.SangatSegera));

        Assert.Empty(ordinary.FindAll(".mud-chip"));
        var chips = secret.FindAll(".mud-chip");
        Assert.Equal(2, chips.Count);
        Assert.NotNull(chips[0].QuerySelector("svg.mud-chip-icon"));
        Assert.Contains("mud-chip-outlined", chips[1].ClassList);
    }
}
