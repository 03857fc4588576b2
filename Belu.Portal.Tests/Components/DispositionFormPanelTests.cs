using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Components;

public class DispositionFormPanelTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static readonly DispositionForm Form = new(
        Guid.CreateVersion7(), null, "0042/2026", "Undangan rapat SPBE",
        [
            new("u7", 7, true, "Bidang Aplikasi Informatika", "Kepala: Kabid Aptika"),
            new("p11", 11, false, "Kabid Aptika", "Kepala Bidang Aplikasi Informatika"),
            new("p12", 12, false, "Kabid IKP", "Kepala Bidang Informasi dan Komunikasi Publik"),
        ],
        ["Untuk Diketahui", "Tindak Lanjuti", "Koordinasikan"], Today, Guid.NewGuid());

    private static async Task<(BunitContext Ctx, IRenderedComponent<DispositionFormPanel> Cut, List<DispositionInput> Submitted)> RenderAsync()
    {
        var ctx = new MudContext();
        ctx.Render<MudPopoverProvider>();
        var submitted = new List<DispositionInput>();
        var cut = ctx.Render<DispositionFormPanel>(p => p
            .Add(x => x.Form, Form)
            .Add(x => x.OnSubmit, (DispositionInput input) => submitted.Add(input)));
        await Task.CompletedTask;
        return (ctx, cut, submitted);
    }

    private static void Choose(IRenderedComponent<DispositionFormPanel> cut, string key, bool on = true) =>
        cut.Find($"input[data-testid=recipient-{key}]").Change(on);

    private static void Tick(IRenderedComponent<DispositionFormPanel> cut, string containerTestId, string text) =>
        cut.FindAll($"[data-testid={containerTestId}] .mud-checkbox")
            .First(c => c.TextContent.Contains(text, StringComparison.Ordinal))
            .QuerySelector("input")!.Change(true);

    /// <summary>Types the deadline as a user does, dd/MM/yyyy (the field takes it when it changes, as on leaving it).</summary>
    private static void TypeDeadline(IRenderedComponent<DispositionFormPanel> cut, string text) =>
        cut.Find("[data-testid=disposition-deadline] input").Change(text);

    [Fact]
    public async Task SubmittingNothingAsksForARecipientAndAnInstruction()
    {
        var (ctx, cut, submitted) = await RenderAsync();
        await using var _ = ctx;
        cut.Find("[data-testid=disposition-submit]").Click();
        var errors = cut.Find("[data-testid=disposition-errors]").TextContent;
        Assert.Contains("Pilih minimal satu penerima disposisi.", errors);
        Assert.Contains("Pilih minimal satu instruksi.", errors);
        Assert.Empty(submitted);
    }

    [Fact]
    public async Task ADeadlineInThePastIsRefused()
    {
        var (ctx, cut, submitted) = await RenderAsync();
        await using var _ = ctx;
        Choose(cut, "p12");
        Tick(cut, "instructions", "Tindak Lanjuti");
        TypeDeadline(cut, "27/11/2026");
        cut.Find("[data-testid=disposition-submit]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Batas waktu tidak boleh sebelum hari ini.", cut.Find("[data-testid=disposition-errors]").TextContent));
        Assert.Empty(submitted);
    }

    [Fact]
    public async Task TodayAsDeadlineIsAccepted()
    {
        var (ctx, cut, submitted) = await RenderAsync();
        await using var _ = ctx;
        Choose(cut, "p12");
        Tick(cut, "instructions", "Untuk Diketahui");
        TypeDeadline(cut, "28/11/2026");
        cut.Find("[data-testid=disposition-submit]").Click();
        cut.WaitForAssertion(() => Assert.Single(submitted));
        Assert.Equal(Today, submitted[0].Deadline);
    }

    [Fact]
    public async Task TheChosenPeopleUnitsAndInstructionsAreSubmittedInListOrder()
    {
        var (ctx, cut, submitted) = await RenderAsync();
        await using var _ = ctx;
        Choose(cut, "u7");
        Choose(cut, "p12");
        Tick(cut, "instructions", "Koordinasikan");
        Tick(cut, "instructions", "Tindak Lanjuti");
        cut.Find("textarea[data-testid=disposition-note]").Change("Segera dilaporkan.");
        TypeDeadline(cut, "05/12/2026");
        cut.Find("[data-testid=disposition-submit]").Click();

        cut.WaitForAssertion(() => Assert.Single(submitted));
        var input = submitted[0];
        Assert.Equal([7], input.UnitIds);
        Assert.Equal([12], input.EmployeeIds);
        Assert.Equal(["Tindak Lanjuti", "Koordinasikan"], input.Instructions);
        Assert.Equal("Segera dilaporkan.", input.Note);
        Assert.Equal(new DateOnly(2026, 12, 5), input.Deadline);
        Assert.Equal(Form.Version, input.Version);
        Assert.Null(input.ParentId);
        Assert.Empty(cut.FindAll("[data-testid=disposition-errors]"));
    }

    [Fact]
    public async Task UntickingARecipientRemovesIt()
    {
        var (ctx, cut, submitted) = await RenderAsync();
        await using var _ = ctx;
        Choose(cut, "p11");
        Choose(cut, "p11", on: false);
        Tick(cut, "instructions", "Untuk Diketahui");
        cut.Find("[data-testid=disposition-submit]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Pilih minimal satu penerima", cut.Find("[data-testid=disposition-errors]").TextContent));
        Assert.Empty(submitted);
    }

    [Fact]
    public async Task ALeaderWithoutSubordinatesIsToldSo()
    {
        await using var ctx = new MudContext();
        var cut = ctx.Render<DispositionFormPanel>(p => p.Add(x => x.Form, Form with { Recipients = [] }));
        Assert.Contains("tidak memiliki bawahan", cut.Markup);
    }
}
