using Belu.Portal.Features.ElectronicLetters.Delivery;
using Belu.Portal.Features.Letters;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>The clerk or the conceptor records how a letter went to an external addressee; bad input is refused in Bahasa Indonesia.</summary>
public class DispatchRecordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task RecordAsync(string user, Guid outgoingId, DispatchInput input, FileUpload? receipt = null) =>
        factory.AsAsync(user, sp => sp.GetRequiredService<RecordDispatch>().HandleAsync(outgoingId, input, receipt));

    [Fact]
    public async Task AnIncompleteOrWrongSendingIsRefusedFieldByFieldAndNothingIsStored()
    {
        await factory.DinkesPeopleAsync();
        var (_, _, outgoingId) = await factory.SignedToDinkesAsync("Pengiriman Tidak Lengkap");

        var empty = await Assert.ThrowsAsync<ValidationException>(() => RecordAsync("agendaris", outgoingId, new DispatchInput()));
        Assert.Equal("Pilih tujuan surat yang dikirim.", empty.FieldErrors[nameof(DispatchInput.Recipient)]);
        Assert.Equal("Pilih cara pengiriman: kurir, pos, email atau diantar langsung.", empty.FieldErrors[nameof(DispatchInput.Method)]);
        Assert.Equal("Tanggal kirim wajib diisi.", empty.FieldErrors[nameof(DispatchInput.SentDate)]);
        Assert.Equal("Nama penerima wajib diisi.", empty.FieldErrors[nameof(DispatchInput.ReceiverName)]);

        var wrong = await Assert.ThrowsAsync<ValidationException>(() => RecordAsync("agendaris", outgoingId, new DispatchInput
        {
            Recipient = "Kantor yang tidak disurati", Method = (DispatchMethod)42, SentDate = TestClock.Today.AddDays(1), ReceiverName = new string('a', 201),
        }));
        Assert.Equal("Tujuan ini tidak tercantum pada surat (Kepada atau Tembusan).", wrong.FieldErrors[nameof(DispatchInput.Recipient)]);
        Assert.Contains(nameof(DispatchInput.Method), wrong.FieldErrors.Keys);
        Assert.Equal("Tanggal kirim harus antara tanggal surat dan hari ini.", wrong.FieldErrors[nameof(DispatchInput.SentDate)]);
        Assert.Equal("Nama penerima paling banyak 200 karakter.", wrong.FieldErrors[nameof(DispatchInput.ReceiverName)]);

        var notAScan = await Assert.ThrowsAsync<ValidationException>(() => RecordAsync("agendaris", outgoingId, Valid(), new FileUpload("tanda-terima.pdf", new MemoryStream("MZ bukan pdf"u8.ToArray()))));
        Assert.Contains("tanda-terima", notAScan.Message);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Set<LetterDispatch>().AnyAsync(d => d.OutgoingLetterId == outgoingId));
    }

    private static DispatchInput Valid() => new()
    {
        Recipient = "Kepala Balai Monitor SFR Kupang, Kupang", Method = DispatchMethod.Pos, SentDate = TestClock.Today, ReceiverName = "Maria Bere",
    };

    [Fact]
    public async Task TheClerkAndTheConceptorRecordASendingWithItsReceiptAndOthersAreRefused()
    {
        await factory.DinkesPeopleAsync();
        var (_, _, outgoingId) = await factory.SignedToDinkesAsync("Pengiriman Lewat Pos");

        await RecordAsync("agendaris", outgoingId, Valid(), LetterTestKit.PdfUpload("tanda-terima-pos.pdf"));
        await RecordAsync("pegawai", outgoingId, new DispatchInput
        {
            Recipient = "Kepala Balai Monitor SFR Kupang, Kupang", Method = DispatchMethod.Email, SentDate = TestClock.Today, ReceiverName = "balmon.kupang@example.go.id",
        });

        var status = await factory.StatusAsync("pimpinan", outgoingId);
        var line = status.Lines.Single(l => l.Recipient == "Kepala Balai Monitor SFR Kupang, Kupang");
        Assert.Null(line.Delivered);
        Assert.Equal([DispatchMethod.Pos, DispatchMethod.Email], line.Dispatches.Select(d => d.Method));
        Assert.Equal("tanda-terima-pos.pdf", line.Dispatches[0].Receipt!.FileName);
        Assert.Equal("Maria Bere", line.Dispatches[0].ReceiverName);
        // The receipt opens for the sender side through the letter's scope check, and is not listed as a scan of the letter.
        var receipt = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<OpenLetterFile>().HandleAsync(line.Dispatches[0].Receipt!.Id));
        await receipt.Content.DisposeAsync();
        Assert.Empty((await factory.AsAsync("agendaris", sp => sp.GetRequiredService<OutgoingLetterService>().GetAsync(outgoingId))).Files);
        Assert.False(status.CanRecord);
        Assert.True((await factory.StatusAsync("agendaris", outgoingId)).CanRecord);

        // The Kepala Dinas sees the letter but is neither its clerk nor its conceptor; a leader of another unit does not see it at all.
        await Assert.ThrowsAsync<ForbiddenException>(() => RecordAsync("pimpinan", outgoingId, Valid()));
        await Assert.ThrowsAsync<NotFoundException>(() => RecordAsync(DeliveryTestKit.DinkesHead, outgoingId, Valid()));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.StatusAsync(DeliveryTestKit.DinkesHead, outgoingId));
        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.Set<LetterDispatch>().CountAsync(d => d.OutgoingLetterId == outgoingId));
        var number = await db.OutgoingLetters.Where(o => o.Id == outgoingId).Select(o => o.Number).SingleAsync();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "outgoing.dispatched" && a.Subject == number));
    }
}
