using System.Security.Cryptography;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Delivery;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>A signed naskah reaches its internal addressees as registered surat masuk; the sender follows who received and read it.</summary>
public class DeliveryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> LastAgendaAsync(string unitCode)
    {
        var unit = await factory.UnitIdAsync(unitCode);
        await using var db = factory.CreateDbContext();
        return await db.IncomingLetters.Where(l => l.UnitId == unit && l.AgendaYear == TestClock.Today.Year).MaxAsync(l => (int?)l.AgendaSequence) ?? 0;
    }

    [Fact]
    public async Task TheAddresseeUnitReceivesTheSignedLetterRegisteredWithItsOwnAgendaNumberAndTheSamePdfAndDisposesIt()
    {
        var (head, staff) = await factory.DinkesPeopleAsync();
        var before = await LastAgendaAsync("DINKES");
        var (events, subscription) = factory.Listen();
        using var _ = subscription;

        var (signed, signedId, outgoingId) = await factory.SignedToDinkesAsync("Permintaan Data Kesehatan Terkirim");

        var deliveries = await factory.DeliveriesAsync(signedId);
        var toDinkes = deliveries.Single(d => !d.IsCopy);
        Assert.Equal(head, toDinkes.RecipientEmployeeId);
        Assert.Equal(LetterNumbering.AgendaNumber(before + 1, TestClock.Today.Year), toDinkes.AgendaNumber);
        await using (var db = factory.CreateDbContext())
        {
            var letter = await db.IncomingLetters.AsNoTracking().Include(l => l.Files).SingleAsync(l => l.Id == toDinkes.IncomingLetterId);
            var row = await db.Set<SignedLetter>().AsNoTracking().SingleAsync(s => s.Id == signedId);
            Assert.Equal((await factory.UnitIdAsync("DINKES"), before + 1), (letter.UnitId, letter.AgendaSequence));
            Assert.Equal(signed.Number, letter.SenderNumber);
            Assert.Equal(signed.LetterDate, letter.LetterDate);
            Assert.Equal(await db.Units.Where(u => u.Code == "DISKOMINFO").Select(u => u.Name).SingleAsync(), letter.Sender);
            Assert.Equal("Permintaan Data Kesehatan Terkirim", letter.Subject);
            Assert.Equal((SecurityClass.Biasa, Urgency.Segera, "000.1.2.3"), (letter.Security, letter.Urgency, letter.ClassificationCode));
            Assert.Equal((head, false, LetterState.BelumDidisposisi), (letter.AddresseeId, letter.IsCopy, letter.Progress));
            var scan = await factory.AsAsync(DeliveryTestKit.DinkesHead, sp => sp.GetRequiredService<OpenLetterFile>().HandleAsync(letter.Files.Single().Id));
            await using (scan.Content)
            {
                Assert.Equal(row.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(scan.Content)));
            }
            Assert.Equal(TestClock.Today, (await db.OutgoingLetters.SingleAsync(o => o.Id == outgoingId)).SentDate);
        }
        Assert.Contains(events.OfType<LetterRegistered>(), e => e.LetterId == toDinkes.IncomingLetterId && e.RecipientEmployeeIds.Contains(head));

        var opened = await factory.OpenAsync(DeliveryTestKit.DinkesHead, toDinkes.IncomingLetterId);
        Assert.True(opened.CanDispose);
        Assert.False(opened.IsCopy);
        var disposed = await factory.DisposeAsync(DeliveryTestKit.DinkesHead, toDinkes.IncomingLetterId, null, [staff]);
        Assert.Single(disposed);
        var afterDisposition = await factory.OpenAsync(DeliveryTestKit.DinkesHead, toDinkes.IncomingLetterId);
        Assert.Equal(LetterState.DalamProses, afterDisposition.State);
    }

    [Fact]
    public async Task TheSenderSeesDeliveredAndThenReadOnlyAfterSomeoneOfTheReceivingUnitOpensIt()
    {
        await factory.DinkesPeopleAsync();
        var (_, signedId, outgoingId) = await factory.SignedToDinkesAsync("Status Baca Surat Elektronik");
        var delivery = (await factory.DeliveriesAsync(signedId)).Single(d => !d.IsCopy);

        foreach (var sender in new[] { "pegawai", "pimpinan", "agendaris" })
        {
            var status = await factory.StatusAsync(sender, outgoingId);
            var line = status.Lines.Single(l => l.Delivered is not null && !l.IsCopy);
            Assert.Equal(delivery.AgendaNumber, line.Delivered!.AgendaNumber);
            Assert.Null(line.Delivered.ReadAtUtc);
            Assert.Contains(status.Lines, l => l.Delivered is null && l.Recipient.StartsWith("Kepala Balai Monitor SFR Kupang", StringComparison.Ordinal));
        }
        Assert.Null((await factory.DeliveriesAsync(signedId)).Single(d => !d.IsCopy).ReadAtUtc);

        await factory.OpenAsync(DeliveryTestKit.DinkesHead, delivery.IncomingLetterId);

        var read = (await factory.StatusAsync("pegawai", outgoingId)).Lines.Single(l => l.Delivered is not null && !l.IsCopy).Delivered!;
        Assert.NotNull(read.ReadAtUtc);
        Assert.NotNull(read.ReadByName);
        // A second look does not move the first reading.
        await factory.OpenAsync(DeliveryTestKit.DinkesHead, delivery.IncomingLetterId);
        Assert.Equal(read.ReadAtUtc, (await factory.DeliveriesAsync(signedId)).Single(d => !d.IsCopy).ReadAtUtc);
    }

    [Fact]
    public async Task DeliveringAgainDeliversNothingTwiceAndTheUniqueKeyRefusesADuplicate()
    {
        await factory.DinkesPeopleAsync();
        var (signed, signedId, _) = await factory.SignedToDinkesAsync("Surat Tidak Terkirim Dua Kali");
        var agenda = await LastAgendaAsync("DINKES");

        var again = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<DeliverSignedLetter>().HandleAsync(signedId));

        Assert.Equal(0, again);
        Assert.Equal(agenda, await LastAgendaAsync("DINKES"));
        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.IncomingLetters.CountAsync(l => l.SenderNumber == signed.Number));
        var first = (await factory.DeliveriesAsync(signedId)).First();
        db.Set<LetterDelivery>().Add(new LetterDelivery
        {
            SignedLetterId = signedId, OutgoingLetterId = first.OutgoingLetterId, IncomingLetterId = first.IncomingLetterId,
            RecipientEmployeeId = first.RecipientEmployeeId, ReceivingUnitId = first.ReceivingUnitId, Label = first.Label, AgendaNumber = "0000/9999",
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        // Only the signer or the sending OPD's clerk may ask for it.
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("kabid.ikp", sp => sp.GetRequiredService<DeliverSignedLetter>().HandleAsync(signedId)));
    }

    [Fact]
    public async Task ARefusedSignatureDeliversNothingAndTakesNoAgendaNumber()
    {
        await factory.DinkesPeopleAsync();
        var draft = await factory.SentToDinkesAsync("Tidak Terkirim Tanpa Tanda Tangan");
        await factory.EnrolAsync("pimpinan");
        var agenda = await LastAgendaAsync("DINKES");

        var awaiting = await factory.DetailsAsync("pimpinan", draft.Id);
        await Assert.ThrowsAsync<ValidationException>(() => factory.SignAsync("pimpinan", awaiting, "passphrase-keliru"));

        Assert.Equal(agenda, await LastAgendaAsync("DINKES"));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.IncomingLetters.AnyAsync(l => l.Subject == "Tidak Terkirim Tanpa Tanda Tangan"));
        Assert.False(await db.Set<SignedLetter>().AnyAsync(s => s.DraftId == draft.Id));
    }

    [Fact]
    public async Task ATembusanArrivesReadOnlyInTheTembusanBoxAndItsDispositionIsRefusedWith403()
    {
        await factory.DinkesPeopleAsync();
        var kabidIkp = await factory.EmployeeOfAsync("kabid.ikp");
        var clerk = await factory.EmployeeOfAsync("agendaris");
        var (events, subscription) = factory.Listen();
        using var _ = subscription;
        var (_, signedId, _) = await factory.SignedToDinkesAsync("Tembusan Untuk Diketahui");
        var copy = (await factory.DeliveriesAsync(signedId)).Single(d => d.IsCopy);
        Assert.Equal(kabidIkp, copy.RecipientEmployeeId);
        Assert.Equal(await factory.UnitIdAsync("DISKOMINFO"), copy.ReceivingUnitId);
        // The holder and the receiving OPD's clerk hear of it as of any newly registered letter.
        Assert.Contains(events.OfType<LetterRegistered>(), e => e.LetterId == copy.IncomingLetterId
            && e.RecipientEmployeeIds.Contains(kabidIkp) && e.RecipientEmployeeIds.Contains(clerk));

        var box = await factory.AsAsync("kabid.ikp", sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Box: LetterBox.Tembusan, Take: 200)));
        Assert.Contains(box.Items, r => r.Id == copy.IncomingLetterId && r.IsCopy);
        var mine = await factory.AsAsync("kabid.ikp", sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Box: LetterBox.UntukSaya, Take: 200)));
        Assert.DoesNotContain(mine.Items, r => r.Id == copy.IncomingLetterId);

        var opened = await factory.OpenAsync("kabid.ikp", copy.IncomingLetterId);
        Assert.True(opened.IsCopy);
        Assert.False(opened.CanDispose);
        var staff = await factory.EmployeeOfAsync("pegawai");
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("kabid.ikp", sp => sp.GetRequiredService<DisposeLetter>()
            .HandleAsync(copy.IncomingLetterId, new DispositionInput { EmployeeIds = [staff], Instructions = ["Tindak Lanjuti"], Version = opened.Version })));
        Assert.Contains("tembusan", refused.Message);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Dispositions.AnyAsync(d => d.LetterId == copy.IncomingLetterId));
        Assert.NotNull((await db.LetterCopies.SingleAsync(c => c.LetterId == copy.IncomingLetterId)).ReadAtUtc);
    }

    [Fact]
    public async Task SomeoneOfAnotherUnitReachingForTheDeliveredLetterGetsNothing()
    {
        var (_, staff) = await factory.DinkesPeopleAsync();
        var (_, signedId, _) = await factory.SignedToDinkesAsync("Bukan Untuk Unit Lain");
        var delivery = (await factory.DeliveriesAsync(signedId)).Single(d => !d.IsCopy);
        Guid fileId;
        await using (var db = factory.CreateDbContext())
        {
            fileId = await db.LetterFiles.Where(f => f.LetterId == delivery.IncomingLetterId).Select(f => f.Id).SingleAsync();
        }

        foreach (var stranger in new[] { "kabid.ikp", "pegawai", "agendaris" })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => factory.OpenAsync(stranger, delivery.IncomingLetterId));
            await Assert.ThrowsAsync<NotFoundException>(() => factory.AsAsync(stranger, sp => sp.GetRequiredService<OpenLetterFile>().HandleAsync(fileId)));
            await Assert.ThrowsAsync<NotFoundException>(() => factory.AsAsync(stranger, sp => sp.GetRequiredService<DisposeLetter>()
                .HandleAsync(delivery.IncomingLetterId, new DispositionInput { EmployeeIds = [staff], Instructions = ["Tindak Lanjuti"], Version = Guid.NewGuid() })));
        }
        // Nobody of the sending side marked it read by trying.
        Assert.Null((await factory.DeliveriesAsync(signedId)).Single(d => !d.IsCopy).ReadAtUtc);

        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("kabid.ikp");
        var file = await client.GetAsync($"/surat/lampiran/{fileId}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, file.StatusCode);
        Assert.DoesNotContain("%PDF", await file.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Bukan Untuk Unit Lain", await (await client.GetAsync($"/surat/{delivery.IncomingLetterId}")).Content.ReadAsStringAsync());
    }
}
