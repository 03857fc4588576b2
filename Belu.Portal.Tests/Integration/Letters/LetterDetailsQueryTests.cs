using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

/// <summary>Reading is not writing: a letter's details are a query; opening the letter is the command that marks and audits.</summary>
public class LetterDetailsQueryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheDetailsQueryLeavesNoAuditRowAndNoReadMark()
    {
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var kadis = await factory.EmployeeOfAsync("pimpinan");
        var form = await factory.FormAsync("Rincian surat tanpa jejak baca");
        form.CopyEmployeeIds = [pegawai];
        var id = await factory.RegisterAsync(form);
        await using (var db = factory.CreateDbContext())
        {
            // Registered only: nobody has opened it yet.
            var letter = await db.IncomingLetters.SingleAsync(l => l.Id == id);
            Assert.Null(letter.AddresseeReadAtUtc);
        }
        var events = factory.Listen();
        using var subscription = events.Subscription;

        var details = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<LetterQueries>().GetDetailsAsync(id));
        var asAddressee = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<LetterQueries>().GetDetailsAsync(id));

        Assert.Equal(form.Subject, details.Subject);
        Assert.Equal(kadis, asAddressee.Addressee.Id);
        Assert.Null(Assert.Single(details.Copies).ReadAtUtc);
        await using (var db = factory.CreateDbContext())
        {
            var letter = await db.IncomingLetters.Include(l => l.Copies).SingleAsync(l => l.Id == id);
            Assert.Null(letter.AddresseeReadAtUtc);
            Assert.All(letter.Copies, c => Assert.Null(c.ReadAtUtc));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Subject == letter.AgendaNumber && a.Action != "letter.registered"));
            Assert.False(await db.LetterTrack.AnyAsync(t => t.LetterId == id && t.Kind != TrackKind.Registered));
        }
        lock (events.Events)
        {
            Assert.Empty(events.Events);
        }

        // Opening it is the command: the copy holder's read is marked and audited.
        await factory.OpenAsync("pegawai", id);
        await using (var db = factory.CreateDbContext())
        {
            var letter = await db.IncomingLetters.Include(l => l.Copies).SingleAsync(l => l.Id == id);
            Assert.NotNull(Assert.Single(letter.Copies).ReadAtUtc);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Subject == letter.AgendaNumber && a.Action == "letter.read"));
        }
    }
}
