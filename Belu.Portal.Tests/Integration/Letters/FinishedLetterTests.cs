using Belu.Portal.Common;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

/// <summary>What a letter keeps once its work is done: a receipt that never changes, and no more routing.</summary>
public class FinishedLetterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheReceiptCountsTheScansReceivedNotTheReportsAddedLater()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Tanda terima yang tidak berubah"),
            LetterTestKit.PdfUpload("halaman-1.pdf"), LetterTestKit.PdfUpload("halaman-2.pdf"));
        var before = await factory.AsAsync("agendaris", sp => sp.GetRequiredService<PrintLetter>().ReceiptAsync(id));
        Assert.Equal(2, before.FileCount);

        await FinishAsync(id, LetterTestKit.PdfUpload("laporan-tindak-lanjut.pdf"));

        var after = await factory.AsAsync("agendaris", sp => sp.GetRequiredService<PrintLetter>().ReceiptAsync(id));
        Assert.Equal(2, after.FileCount);
        var letter = await factory.OpenAsync("pimpinan", id);
        Assert.Equal(2, letter.Files.Count);
        Assert.NotNull(Assert.Single(letter.Dispositions).ReportFile);
    }

    [Fact]
    public async Task ASelesaiLetterIsNotOfferedDisposisikanAndTheServiceRefusesIt()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Surat yang sudah selesai"));
        Assert.True((await factory.OpenAsync("pimpinan", id)).CanDispose);

        await FinishAsync(id, null);

        var letter = await factory.OpenAsync("pimpinan", id);
        Assert.Equal(LetterState.Selesai, letter.State);
        Assert.False(letter.CanDispose);
        var form = await Assert.ThrowsAsync<ValidationException>(() =>
            factory.AsAsync("pimpinan", sp => sp.GetRequiredService<DispositionQueries>().GetFormAsync(id, null)));
        Assert.Equal(DispositionRules.LetterDoneMessage, form.Message);
        var ikp = await factory.EmployeeOfAsync("kabid.ikp");
        var dispose = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("pimpinan", sp =>
            sp.GetRequiredService<DisposeLetter>().HandleAsync(id,
                new DispositionInput { EmployeeIds = [ikp], Instructions = ["Untuk Diketahui"], Version = letter.Version })));
        Assert.Equal(DispositionRules.LetterDoneMessage, dispose.Message);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Dispositions.CountAsync(d => d.LetterId == id));
    }

    /// <summary>The Kadis disposes to the Kabid Aptika, who finishes with a report (and its attachment, if given).</summary>
    private async Task FinishAsync(Guid letterId, FileUpload? attachment)
    {
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        await factory.DisposeAsync("pimpinan", letterId, null, [aptika]);
        var mine = (await factory.OpenAsync("kabid.aptika", letterId)).Dispositions.Single(d => d.IsMine);
        await factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<ReportFollowUp>()
            .HandleAsync(mine.Id, mine.Version, "Sudah ditindaklanjuti.", attachment));
    }
}
