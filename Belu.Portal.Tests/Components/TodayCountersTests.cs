using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Components;
using Belu.Portal.Features.Attendance.Domain;
using Bunit;
using MudBlazor.Services;

namespace Belu.Portal.Tests.Components;

/// <summary>The tile of those not here follows the board's rule: not started, then "Belum hadir", TK only once closed.</summary>
public class TodayCountersTests
{
    [Theory]
    [InlineData(NotPresentState.NotStarted, "Belum dimulai", "tile-idle")]
    [InlineData(NotPresentState.Awaited, "Belum hadir", "tile-awaited")]
    [InlineData(NotPresentState.Absent, "Tanpa keterangan (TK)", "tile-absent")]
    public async Task TheNotHereTileSaysWhatTheDayAllows(NotPresentState missing, string label, string css)
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var cut = ctx.Render<TodayCounters>(p => p.Add(x => x.View, new TodayView(new DateOnly(2026, 11, 27), null, [], missing)));
        var tile = cut.Find($"[data-state={TodayState.BelumHadir}]");
        Assert.Equal(label, tile.QuerySelector(".today-label")!.TextContent.Trim());
        Assert.Contains(css, tile.ClassList);
        Assert.DoesNotContain("/ TK", cut.Markup);
    }
}
