using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

public class DraftReviewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ANewDraftProposesKabidThenSekretarisAndTheHeadOfTheOpdSigns()
    {
        var (kabid, sekretaris, kepala) = await factory.ChainAccountsAsync();
        var id = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<StartDraft>().HandleAsync(ElectronicLetterKind.NotaDinas));

        var draft = await factory.DetailsAsync("pegawai", id);

        Assert.Equal([kabid, sekretaris, kepala], draft.Steps.Select(s => s.EmployeeId));
        Assert.Equal(DraftStepRole.Penandatangan, draft.Steps[^1].Role);
        Assert.Equal(DraftStatus.Konsep, draft.Status);
        Assert.True(draft.CanEdit);
        Assert.Null(draft.Document().Number);
        Assert.Null(draft.Document().Date);
    }

    [Fact]
    public async Task ASaveKeepsAVersionOnlyWhenSomethingChangedAndASecondEditorOnAnOldVersionIsRefused()
    {
        await factory.ChainAccountsAsync();
        var content = await factory.CompleteAsync();
        var draft = await factory.DraftedAsync(content);
        Assert.Equal(2, draft.VersionNumber);

        var same = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SaveDraft>().HandleAsync(draft.Id, content, draft.Version));
        Assert.False(same.Changed);
        Assert.Equal(2, same.VersionNumber);

        content.Body += "\n\nTambahan.";
        var first = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SaveDraft>().HandleAsync(draft.Id, content, draft.Version));
        Assert.True(first.Changed);
        content.Subject = "Dari tab lain";
        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            factory.AsAsync("pegawai", sp => sp.GetRequiredService<SaveDraft>().HandleAsync(draft.Id, content, draft.Version)));

        var after = await factory.DetailsAsync("pegawai", draft.Id);
        Assert.Equal(3, after.VersionNumber);
        Assert.Equal("Permohonan Data Aplikasi", after.Content.Subject);
        Assert.Equal("Dinas Kesehatan", after.Content.Addressees[0].Name);
    }

    [Fact]
    public async Task TwoVerifiersInTurnOneReturnsOnceThenBothInitialAndTheSignerIsAsked()
    {
        var (kabid, sekretaris, kepala) = await factory.ChainAccountsAsync();
        var (events, subscription) = factory.Listen();
        using var _ = subscription;
        var draft = await factory.DraftedAsync(await factory.CompleteAsync("Undangan Uji Coba Naskah"));
        var pegawai = await factory.EmployeeOfAsync("pegawai");

        var version = await factory.SendAsync(draft);
        Assert.Contains(events.OfType<DraftAwaitingInitial>(), e => e.DraftId == draft.Id && e.RecipientEmployeeIds.SequenceEqual([kabid]));

        // Not the Sekretaris' turn yet, nor the conceptor's.
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            factory.AsAsync("sekretaris", sp => sp.GetRequiredService<InitialDraft>().HandleAsync(draft.Id, version)));
        await Assert.ThrowsAsync<ValidationException>(() =>
            factory.AsAsync("pegawai", sp => sp.GetRequiredService<SaveDraft>().HandleAsync(draft.Id, draft.Content, version)));

        await Assert.ThrowsAsync<ValidationException>(() =>
            factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<ReturnDraft>().HandleAsync(draft.Id, "", version)));
        await factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<ReturnDraft>().HandleAsync(draft.Id, "Lengkapi dasar hukum.", version));
        Assert.Contains(events.OfType<DraftReturned>(), e => e.DraftId == draft.Id && e.RecipientEmployeeIds.SequenceEqual([pegawai]));

        var returned = await factory.DetailsAsync("pegawai", draft.Id);
        Assert.Equal(DraftStatus.Dikembalikan, returned.Status);
        var fixedContent = returned.Content;
        fixedContent.Body = "Berdasarkan Peraturan Bupati Belu tentang SPBE,\n\n" + fixedContent.Body;
        var saved = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SaveDraft>().HandleAsync(draft.Id, fixedContent, returned.Version));
        version = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SendForReview>().HandleAsync(draft.Id, saved.Version));

        var byKabid = await factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<InitialDraft>().HandleAsync(draft.Id, version));
        // A second click on the same version initials nothing twice.
        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<InitialDraft>().HandleAsync(draft.Id, version)));
        Assert.Contains(events.OfType<DraftAwaitingInitial>(), e => e.DraftId == draft.Id && e.RecipientEmployeeIds.SequenceEqual([sekretaris]));

        var atSekretaris = await factory.DetailsAsync("sekretaris", draft.Id);
        var edited = atSekretaris.Content;
        edited.Subject = "Undangan Uji Coba Naskah Dinas Elektronik";
        var edit = await factory.AsAsync("sekretaris", sp => sp.GetRequiredService<EditAsVerifier>().HandleAsync(draft.Id, edited, byKabid));
        Assert.True(edit.Changed);
        var diff = await factory.AsAsync("sekretaris", sp => sp.GetRequiredService<DraftDetailsQuery>().DiffAsync(draft.Id, edit.VersionNumber));
        Assert.Contains(diff, l => l.Kind == DiffLineKind.Removed && l.Text == "Hal: Undangan Uji Coba Naskah");
        Assert.Contains(diff, l => l.Kind == DiffLineKind.Added && l.Text == "Hal: Undangan Uji Coba Naskah Dinas Elektronik");

        await factory.AsAsync("sekretaris", sp => sp.GetRequiredService<InitialDraft>().HandleAsync(draft.Id, edit.Version));
        Assert.Contains(events.OfType<DraftAwaitingSignature>(), e => e.DraftId == draft.Id && e.RecipientEmployeeIds.SequenceEqual([kepala]));

        var waiting = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<DraftQueries>().WaitingForMeAsync());
        Assert.Contains(waiting, w => w.Draft.Id == draft.Id && w.As == DraftStepRole.Penandatangan);
        var final = await factory.DetailsAsync("pegawai", draft.Id);
        Assert.Equal(DraftStatus.MenungguTandaTangan, final.Status);
        Assert.Equal([DraftAction.Dibuat, DraftAction.Dikirim, DraftAction.Dikembalikan, DraftAction.Dikirim, DraftAction.Diparaf,
            DraftAction.DiubahVerifikator, DraftAction.Diparaf], final.History.Select(h => h.Action));
        Assert.Equal("Lengkapi dasar hukum.", final.History.Single(h => h.Action == DraftAction.Dikembalikan).Note);

        await using var db = factory.CreateDbContext();
        var audited = await db.AuditEntries.Where(a => a.Subject == draft.Id.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Equal(["draft.started", "draft.sent", "draft.returned", "draft.sent", "draft.initialled", "draft.edited", "draft.initialled"], audited);
    }

    [Fact]
    public async Task ARahasiaDraftIsHiddenFromAUnitLeaderOutsideTheChainWhoSeesAnOrdinaryOne()
    {
        var (kabid, _, _) = await factory.ChainAccountsAsync();
        var (events, subscription) = factory.Listen();
        using var _ = subscription;
        var secret = await factory.DraftedAsync(await factory.CompleteAsync("Data intelijen perbatasan", SecurityClass.Rahasia));
        var ordinary = await factory.DraftedAsync(await factory.CompleteAsync("Data biasa"));
        foreach (var draft in new[] { secret, ordinary })
        {
            // Only the Kabid signs: the Kepala Dinas leads the unit but stands outside the chain.
            await factory.AsAsync("pegawai", sp => sp.GetRequiredService<EditChain>().HandleAsync(draft.Id, new ChainInput([], kabid, draft.Version)));
        }

        await Assert.ThrowsAsync<NotFoundException>(() => factory.DetailsAsync("pimpinan", secret.Id));
        Assert.Equal(DraftRelation.UnitLeader, (await factory.DetailsAsync("pimpinan", ordinary.Id)).Relation);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.DetailsAsync("agendaris", ordinary.Id));
        Assert.Equal(DraftRelation.Chain, (await factory.DetailsAsync("kabid.aptika", secret.Id)).Relation);

        var sent = await factory.SendAsync(await factory.DetailsAsync("pegawai", secret.Id));
        var notice = Assert.Single(events.OfType<DraftAwaitingSignature>(), e => e.DraftId == secret.Id);
        Assert.DoesNotContain("intelijen", notice.Summary);
        await Assert.ThrowsAsync<NotFoundException>(() =>
            factory.AsAsync("pimpinan", sp => sp.GetRequiredService<ReturnDraft>().HandleAsync(secret.Id, "Bukan giliran saya.", sent)));
    }

    [Fact]
    public async Task SendingTwiceSendsOnceAndAnIncompleteDraftIsNotSent()
    {
        await factory.ChainAccountsAsync();
        var (events, subscription) = factory.Listen();
        using var _ = subscription;
        var incomplete = await factory.DraftedAsync(new DraftContent { Subject = "Belum lengkap" });
        var refused = await Assert.ThrowsAsync<ValidationException>(() => factory.SendAsync(incomplete));
        Assert.Contains(nameof(DraftContent.Body), refused.FieldErrors.Keys);

        var draft = await factory.DraftedAsync(await factory.CompleteAsync());
        var sends = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await factory.SendAsync(draft);
                return true;
            }
            catch (Exception ex) when (ex is ConcurrencyException or ValidationException)
            {
                return false;
            }
        }));

        Assert.Single(sends, s => s);
        Assert.Single(events.OfType<DraftAwaitingInitial>(), e => e.DraftId == draft.Id);
        Assert.Single((await factory.DetailsAsync("pegawai", draft.Id)).History, h => h.Action == DraftAction.Dikirim);
    }

    [Fact]
    public async Task OnlyTheConceptorCancelsAndACancelledDraftLeavesTheWaitingList()
    {
        await factory.ChainAccountsAsync();
        var draft = await factory.DraftedAsync(await factory.CompleteAsync("Akan dibatalkan"));
        var sent = await factory.SendAsync(draft);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<CancelDraft>().HandleAsync(draft.Id, sent)));
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<CancelDraft>().HandleAsync(draft.Id, sent));

        Assert.DoesNotContain(await factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<DraftQueries>().WaitingForMeAsync()), w => w.Draft.Id == draft.Id);
        Assert.Equal(DraftStatus.Dibatalkan, (await factory.DetailsAsync("pegawai", draft.Id)).Status);
    }

    [Fact]
    public async Task OnlyTheAdminKeepsAKopAndItsEmblemMustBeAPng()
    {
        var kominfo = await factory.UnitIdAsync("DISKOMINFO");
        var input = new LetterheadInput { UnitName = "DINAS KOMUNIKASI DAN INFORMATIKA", Address = "Jl. Ahmad Yani No. 1, Atambua", Contacts = "Telp. (0389) 21000" };

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("pimpinan", sp => sp.GetRequiredService<SaveLetterhead>().HandleAsync(kominfo, input)));
        input.EmblemPng = LetterTestKit.Pdf("bukan gambar");
        var refused = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("admin", sp => sp.GetRequiredService<SaveLetterhead>().HandleAsync(kominfo, input)));
        Assert.Contains(nameof(LetterheadInput.EmblemPng), refused.FieldErrors.Keys);

        input.EmblemPng = DefaultEmblem.Png;
        await factory.AsAsync("admin", sp => sp.GetRequiredService<SaveLetterhead>().HandleAsync(kominfo, input));
        var draft = await factory.DraftedAsync(await factory.CompleteAsync());
        Assert.Equal("Jl. Ahmad Yani No. 1, Atambua", draft.Kop.Address);
        Assert.Equal(DefaultEmblem.Png, draft.Kop.EmblemPng);
    }
}
