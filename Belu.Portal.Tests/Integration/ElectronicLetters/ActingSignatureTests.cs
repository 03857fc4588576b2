using System.Net;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Belu.Portal.Tests.Integration.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>
/// A draft whose signer is the Kadis reaches his Plh while the appointment is in force; the Plh signs it with his own
/// certificate as "Plh. Kepala Dinas …" with his own name and NIP, and the Kadis finds it done in his name.
/// </summary>
public class ActingSignatureTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(string Name, string? Nip)> PersonAsync(string user)
    {
        var id = await factory.EmployeeOfAsync(user);
        await using var db = factory.CreateDbContext();
        var e = await db.Employees.SingleAsync(x => x.Id == id);
        return (e.Name, e.Nip);
    }

    private Task<SignedDraft> SignAsPlhAsync(DraftDetails draft) =>
        ActingSigning.SignAsync(factory, "sekretaris", "pimpinan", draft);

    [Fact]
    public async Task ThePlhFindsTheKadissDraftAndSignsItAsPlhWithHisOwnNameAndNip()
    {
        await factory.EnsureAppointedAsync("pimpinan", "sekretaris");
        await factory.EnrolAsync("sekretaris");
        var draft = await factory.AwaitingSignatureAsync("Permohonan Narasumber Ditandatangani Plh");
        var (plhName, plhNip) = await PersonAsync("sekretaris");

        var waiting = await ActingSigning.AsPlhAsync(factory, "sekretaris", "pimpinan", sp => sp.GetRequiredService<DraftQueries>().WaitingForMeAsync());
        Assert.Contains(waiting, w => w.Draft.Id == draft.Id && w.As == DraftStepRole.Penandatangan);
        var asPlh = await ActingSigning.AsPlhAsync(factory, "sekretaris", "pimpinan", sp => sp.GetRequiredService<DraftDetailsQuery>().HandleAsync(draft.Id));
        Assert.NotNull(asPlh.MyTurn());
        Assert.Equal("Plh.", asPlh.Signer.ActingPrefix);

        var signed = await SignAsPlhAsync(asPlh);

        var pdf = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<OpenDraftPdf>().HandleAsync(draft.Id));
        Assert.Contains("Signature is Valid.", await Poppler.SignatureReportAsync(pdf.Content));
        var text = await Poppler.TextAsync(pdf.Content);
        Assert.Contains("Plh. Kepala Dinas", text);
        Assert.Contains(plhName, text);
        Assert.Contains(plhNip!, text);
        await using (var db = factory.CreateDbContext())
        {
            var row = await db.Set<SignedLetter>().SingleAsync(l => l.DraftId == draft.Id);
            Assert.Equal(await factory.EmployeeOfAsync("sekretaris"), row.SignerEmployeeId);
            Assert.Equal((plhName, plhNip), (row.SignerName, row.SignerNip));
            Assert.StartsWith("Plh. Kepala Dinas", row.SignerPosition);
            var outgoing = await db.OutgoingLetters.SingleAsync(l => l.Id == row.OutgoingLetterId);
            Assert.Equal(await factory.EmployeeOfAsync("pimpinan"), outgoing.SignerId);
            var audit = await db.AuditEntries.Where(a => a.Action == "draft.signed" && a.Subject == draft.Id.ToString()).SingleAsync();
            Assert.Equal("sekretaris", audit.UserName);
            Assert.Contains("sebagai Plh. Kepala Dinas", audit.Detail);
        }
        var html = WebUtility.HtmlDecode(await (await factory.CreateBrowserLikeClient().GetAsync($"/verifikasi/{signed.VerificationCode}")).Content.ReadAsStringAsync());
        Assert.Contains(plhName, html);
        Assert.Contains("Plh. Kepala Dinas", html);

        // The Kadis finds it in his track: signed in his name by his Plh, and his bell told him so.
        var seen = await factory.DetailsAsync("pimpinan", draft.Id);
        Assert.Equal(DraftStatus.Ditandatangani, seen.Status);
        var line = Assert.Single(seen.History, h => h.Action == DraftAction.Ditandatangani);
        Assert.Equal(plhName, line.ActorName);
        Assert.Equal($"Sebagai {asPlh.Signer.ActingPrefix} {asPlh.Signer.Position}: {signed.Number}", line.Note);
        await using (var db = factory.CreateDbContext())
        {
            var kadisUser = await factory.UserIdOfAsync("pimpinan");
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == kadisUser && n.Kind == nameof(DraftSigned) && n.Text.Contains(signed.Number)));
        }
    }

    [Fact]
    public async Task WithoutAnAppointmentInForceTodayTheChosenPostIsNotHonouredAndNothingIsSigned()
    {
        // Pegawai is appointed for the Kabid's post from tomorrow: today he may not sign in the Kabid's name.
        var tomorrow = factory.Today().AddDays(1);
        await factory.AppointAsync("kabid.aptika", "pegawai", tomorrow, tomorrow.AddDays(2));
        await factory.EnrolAsync("pegawai");
        var draft = await factory.AwaitingSignatureAsync("Naskah di luar masa Plh", signerUser: "kabid.aptika");
        var before = await ActingSigning.LastOutgoingSequenceAsync(factory);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => ActingSigning.SignAsync(factory, "pegawai", "kabid.aptika", draft));

        Assert.Contains("Hanya penandatangan", refused.Message);
        Assert.Equal(before, await ActingSigning.LastOutgoingSequenceAsync(factory));
        Assert.Equal(DraftStatus.MenungguTandaTangan, (await factory.DetailsAsync("kabid.aptika", draft.Id)).Status);
    }
}
