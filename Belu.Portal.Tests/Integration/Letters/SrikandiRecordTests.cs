using System.Net;
using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Letters.Srikandi;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

/// <summary>A letter's SRIKANDI number and PDF, recorded by the clerk of its register beside the portal's own numbers.</summary>
public class SrikandiRecordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task RecordAsync(string user, SrikandiTarget target, string? number, Guid? version, FileUpload? pdf = null) =>
        factory.AsAsync(user, sp => sp.GetRequiredService<RecordSrikandi>().HandleAsync(target, new SrikandiInput { Number = number, Version = version }, pdf));

    private Task<SrikandiView> ViewAsync(string user, SrikandiTarget target) =>
        factory.AsAsync(user, sp => sp.GetRequiredService<SrikandiQueries>().ForAsync(target));

    [Fact]
    public async Task TheClerkRecordsTheNumberAndPdfOfAnIncomingLetterAndTheAddresseeCanOpenIt()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Surat yang juga ada di SRIKANDI"));
        var target = new SrikandiTarget(LetterRegister.Incoming, id);
        var before = await ViewAsync("agendaris", target);
        Assert.Null(before.Number);
        Assert.True(before.CanRecord);

        await RecordAsync("agendaris", target, "  B/100.3.4/15/SETDA/2026 ", null, LetterTestKit.PdfUpload("srikandi.pdf"));

        var view = await ViewAsync("pimpinan", target);
        Assert.Equal("B/100.3.4/15/SETDA/2026", view.Number);
        Assert.Equal("srikandi.pdf", view.PdfFileName);
        Assert.False(view.CanRecord);
        var letter = await factory.OpenAsync("pimpinan", id);
        Assert.Contains(letter.Track, t => t.Kind == TrackKind.Srikandi && t.Text.Contains("B/100.3.4/15/SETDA/2026"));
        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "letter.srikandi" && a.Subject == letter.AgendaNumber));
        }

        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        var pdf = await client.GetAsync(SrikandiQueries.PdfLink(target));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task ACorrectionNeedsTheVersionTheClerkSawAndKeepsThePdf()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Nomor SRIKANDI dikoreksi"));
        var target = new SrikandiTarget(LetterRegister.Incoming, id);
        await RecordAsync("agendaris", target, "B/1/2026", null, LetterTestKit.PdfUpload("asli.pdf"));
        var seen = await ViewAsync("agendaris", target);

        await RecordAsync("agendaris", target, "B/2/2026", seen.Version);
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => RecordAsync("agendaris", target, "B/3/2026", seen.Version));
        Assert.Contains("baru saja dicatat", stale.Message);
        var secondFirst = await Assert.ThrowsAsync<ConcurrencyException>(() => RecordAsync("agendaris", target, "B/4/2026", null));
        Assert.Contains("Muat ulang", secondFirst.Message);

        var after = await ViewAsync("agendaris", target);
        Assert.Equal("B/2/2026", after.Number);
        Assert.Equal("asli.pdf", after.PdfFileName);
    }

    [Fact]
    public async Task BadInputIsRefusedInIndonesianAndNothingIsSaved()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Masukan SRIKANDI yang salah"));
        var target = new SrikandiTarget(LetterRegister.Incoming, id);

        var empty = await Assert.ThrowsAsync<ValidationException>(() => RecordAsync("agendaris", target, "   ", null));
        Assert.Equal("Nomor SRIKANDI wajib diisi.", empty.FieldErrors[nameof(SrikandiInput.Number)]);
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => RecordAsync("agendaris", target, new string('9', 101), null));
        Assert.Contains("paling banyak 100", tooLong.FieldErrors[nameof(SrikandiInput.Number)]);
        var png = new FileUpload("gambar.pdf", new MemoryStream([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]));
        await Assert.ThrowsAsync<ValidationException>(() => RecordAsync("agendaris", target, "B/5/2026", null, png));

        Assert.Null((await ViewAsync("agendaris", target)).Number);
    }

    [Fact]
    public async Task OnlyTheClerkOfTheRegisterRecordsAndAnOutsiderSeesNothing()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("SRIKANDI hanya oleh agendaris"));
        var target = new SrikandiTarget(LetterRegister.Incoming, id);

        await Assert.ThrowsAsync<ForbiddenException>(() => RecordAsync("pimpinan", target, "B/6/2026", null));
        await Assert.ThrowsAsync<ForbiddenException>(() => RecordAsync("pegawai", target, "B/6/2026", null));
        await RecordAsync("agendaris", target, "B/6/2026", null, LetterTestKit.PdfUpload());

        // The pegawai is neither addressee nor recipient of this letter: no facts, and no PDF over HTTP.
        await Assert.ThrowsAsync<NotFoundException>(() => ViewAsync("pegawai", target));
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var pdf = await client.GetAsync(SrikandiQueries.PdfLink(target));
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.NotEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnOutgoingLetterCarriesItsSrikandiNumberToo()
    {
        var signer = await factory.EmployeeOfAsync("pimpinan");
        var id = await factory.AsAsync("agendaris", sp => sp.GetRequiredService<OutgoingLetterService>().RegisterAsync(new OutgoingLetterInput
        {
            ClassificationCode = "000.5.2", LetterDate = TestClock.Today, Subject = "Surat keluar yang juga dikirim lewat SRIKANDI",
            Addressees = "Kepala BKPSDM", SignerId = signer,
        }, null));
        var target = new SrikandiTarget(LetterRegister.Outgoing, id);

        await RecordAsync("agendaris", target, "B/000.5.2/77/KOMINFO/2026", null);

        var view = await ViewAsync("pimpinan", target);
        Assert.Equal("B/000.5.2/77/KOMINFO/2026", view.Number);
        Assert.False(view.HasPdf);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SrikandiQueries.PdfLink(target))).StatusCode);
    }
}
