using Belu.Portal.Features.Letters.Components;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace Belu.Portal.Tests.Components;

/// <summary>The letter forms' date field shows and takes dates as the rest of the portal does: dd/MM/yyyy.</summary>
public class DateFieldTests
{
    private static (BunitContext Ctx, IRenderedComponent<DateField> Cut, List<DateOnly?> Changes) Render(DateOnly? value)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Render<MudPopoverProvider>();
        var changes = new List<DateOnly?>();
        var cut = ctx.Render<DateField>(p => p
            .Add(x => x.Value, value)
            .Add(x => x.ValueChanged, EventCallback.Factory.Create<DateOnly?>(new object(), changes.Add))
            .Add(x => x.Label, "Tanggal surat")
            .Add(x => x.TestId, "letter-date"));
        return (ctx, cut, changes);
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<DateField> cut) =>
        cut.Find("input[data-testid=letter-date], [data-testid=letter-date] input");

    [Fact]
    public async Task ADateIsShownDayMonthYear()
    {
        var (ctx, cut, _) = Render(new DateOnly(2026, 11, 5));
        await using var _ = ctx;
        var input = Input(cut);
        Assert.Equal("05/11/2026", input.GetAttribute("value"));
        Assert.NotEqual("date", input.GetAttribute("type"));
    }

    [Fact]
    public async Task ADateTypedDayMonthYearBecomesTheValue()
    {
        var (ctx, cut, changes) = Render(null);
        await using var _ = ctx;
        var input = Input(cut);
        input.Change("05/12/2026");
        cut.WaitForAssertion(() => Assert.Equal(new DateOnly(2026, 12, 5), Assert.Single(changes)));
    }

    [Fact]
    public async Task ClearingTheTextLeavesNoDate()
    {
        var (ctx, cut, changes) = Render(new DateOnly(2026, 11, 5));
        await using var _ = ctx;
        var input = Input(cut);
        input.Change("");
        cut.WaitForAssertion(() => Assert.Null(Assert.Single(changes)));
    }
}
