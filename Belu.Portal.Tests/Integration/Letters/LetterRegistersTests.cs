using Belu.Portal.Common;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

public class LetterRegistersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheAdminEditsTheInstructionListAndOldDispositionsKeepTheirWords()
    {
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var id = await factory.RegisterAsync(await factory.FormAsync("Instruksi lama tetap tercatat"));
        await factory.DisposeAsync("pimpinan", id, null, [aptika], ["Pedomani"]);

        var rows = await factory.AsAsync("admin", sp => sp.GetRequiredService<InstructionService>().ListAsync());
        Assert.Equal(DispositionInstruction.Defaults, rows.Select(r => r.Text));
        var pedomani = rows.Single(r => r.Text == "Pedomani");
        await factory.AsAsync("admin", sp => sp.GetRequiredService<InstructionService>().UpdateAsync(pedomani.Id, "Jadikan Pedoman", pedomani.SortOrder, false, pedomani.Version));
        var added = await factory.AsAsync("admin", sp => sp.GetRequiredService<InstructionService>().AddAsync("Buatkan Telaahan Staf"));
        Assert.True(added > 0);

        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => factory.AsAsync("admin", sp => sp.GetRequiredService<InstructionService>()
            .UpdateAsync(pedomani.Id, "Lagi", pedomani.SortOrder, true, pedomani.Version)));
        Assert.Contains("Muat ulang", stale.Message);
        var duplicate = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("admin", sp => sp.GetRequiredService<InstructionService>().AddAsync(" Tindak Lanjuti ")));
        Assert.Contains("sudah ada", duplicate.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("pimpinan", sp => sp.GetRequiredService<InstructionService>().AddAsync("Coba")));

        var second = await factory.RegisterAsync(await factory.FormAsync("Daftar instruksi baru"));
        var form = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<DispositionQueries>().GetFormAsync(second, null));
        Assert.Contains("Buatkan Telaahan Staf", form.Instructions);
        Assert.DoesNotContain("Pedomani", form.Instructions);
        Assert.DoesNotContain("Jadikan Pedoman", form.Instructions);
        Assert.Equal(["Pedomani"], (await factory.OpenAsync("pimpinan", id)).Dispositions.Single().Instructions);
    }

    [Fact]
    public async Task DisposisiUntukSayaListsTheCallersOwnWorkOverdueFirst()
    {
        var page = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<DispositionQueries>().SearchMineAsync(new MyDispositionQuery(Take: 200)));
        Assert.NotEmpty(page.Items);
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        await using var db = factory.CreateDbContext();
        Assert.Equal(await db.Dispositions.CountAsync(d => d.ToEmployeeId == pegawai && d.Status != DispositionStatus.Dibatalkan), page.Total);
        // Overdue first, then the open ones, then the finished ones, each newest first; pages continue one another.
        var expected = page.Items.OrderByDescending(r => r.Overdue).ThenBy(r => r.Status == DispositionStatus.Selesai)
            .ThenByDescending(r => r.CreatedAtUtc).Select(r => r.Id);
        Assert.Equal(expected, page.Items.Select(r => r.Id));
        Assert.Contains(page.Items, r => r.Overdue);
        Assert.Contains(page.Items, r => r.Status == DispositionStatus.Selesai);
        var second = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<DispositionQueries>().SearchMineAsync(new MyDispositionQuery(Skip: 3, Take: 4)));
        Assert.Equal(page.Items.Skip(3).Take(4).Select(r => r.Id), second.Items.Select(r => r.Id));
        static string Shown(MyDispositionRow r) =>
            $"{r.LetterId}|{r.AgendaNumber}|{r.Subject}|{r.Sender}|{r.FromName}|{r.ToName}|{string.Join(";", r.Instructions)}|{r.Deadline}|{r.Status}|{r.Urgency}";
        Assert.Equal(page.Items.Skip(3).Take(4).Select(Shown), second.Items.Select(Shown));

        var done = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<DispositionQueries>().SearchMineAsync(new MyDispositionQuery(DispositionStatus.Selesai)));
        Assert.All(done.Items, r => Assert.Equal(DispositionStatus.Selesai, r.Status));
        var late = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<DispositionQueries>().SearchMineAsync(new MyDispositionQuery(OverdueOnly: true)));
        Assert.All(late.Items, r => Assert.True(r.Overdue));
        var aptikaId = await factory.EmployeeOfAsync("kabid.aptika");
        var sent = await factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<DispositionQueries>().SearchMineAsync(new MyDispositionQuery(Sent: true)));
        Assert.NotEmpty(sent.Items);
        var aptikaName = (await db.Employees.SingleAsync(e => e.Id == aptikaId)).Name;
        Assert.All(sent.Items, r => Assert.Equal(aptikaName, r.FromName));
    }

    [Fact]
    public async Task TheClerkRecordsTheSendingOfAnOutgoingLetterWithItsFinalScan()
    {
        var signer = await factory.EmployeeOfAsync("pimpinan");
        var today = TestClock.Today;
        var id = await factory.AsAsync("agendaris", sp => sp.GetRequiredService<OutgoingLetterService>().RegisterAsync(new OutgoingLetterInput
        {
            ClassificationCode = "000.5.2", LetterDate = today, Subject = "Undangan sosialisasi tanda tangan elektronik",
            Addressees = "Camat Kota Atambua\nCamat Raihat", Copies = "Bupati Belu", SignerId = signer,
        }, null));
        var draft = await factory.AsAsync("agendaris", sp => sp.GetRequiredService<OutgoingLetterService>().GetAsync(id));
        Assert.Null(draft.SentDate);
        Assert.True(draft.CanRecordSending);

        var early = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("agendaris", sp => sp.GetRequiredService<OutgoingLetterService>()
            .RecordSendingAsync(id, today.AddDays(-1), null, draft.Version)));
        Assert.Contains("antara tanggal surat dan hari ini", early.Message);
        await factory.AsAsync("agendaris", sp => sp.GetRequiredService<OutgoingLetterService>()
            .RecordSendingAsync(id, today, LetterTestKit.PdfUpload("final.pdf"), draft.Version));
        await Assert.ThrowsAsync<ConcurrencyException>(() => factory.AsAsync("agendaris", sp => sp.GetRequiredService<OutgoingLetterService>()
            .RecordSendingAsync(id, today, null, draft.Version)));

        var sent = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<OutgoingLetterService>().GetAsync(id));
        Assert.Equal(today, sent.SentDate);
        Assert.Equal("final.pdf", sent.Files.Single().FileName);
        Assert.False(sent.CanRecordSending);
        var found = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<OutgoingLetterService>().SearchAsync(new OutgoingQuery(Text: "tanda tangan elektronik")));
        Assert.Contains(found.Items, r => r.Id == id && r.HasScan);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.AsAsync("pegawai", sp => sp.GetRequiredService<OutgoingLetterService>().GetAsync(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.AsAsync("pegawai", sp => sp.GetRequiredService<OpenLetterFile>().HandleAsync(sent.Files.Single().Id)));
    }
}
