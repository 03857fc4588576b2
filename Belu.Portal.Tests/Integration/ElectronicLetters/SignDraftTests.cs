using System.Text.RegularExpressions;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>The signer signs a draft: the number comes then, the PDF verifies with pdfsig, the register holds it.</summary>
public partial class SignDraftTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> LastOutgoingSequenceAsync()
    {
        var kominfo = await factory.UnitIdAsync("DISKOMINFO");
        await using var db = factory.CreateDbContext();
        return await db.OutgoingLetters.Where(l => l.UnitId == kominfo && l.Year == TestClock.Today.Year).MaxAsync(l => (int?)l.Sequence) ?? 0;
    }

    [Fact]
    public async Task TheSignerSignsAndTheLetterGetsItsNumberAValidSignatureAndARegisterEntry()
    {
        await factory.EnrolAsync("pimpinan");
        var draft = await factory.AwaitingSignatureAsync("Permohonan Data Aplikasi Bertanda Tangan");
        Assert.Equal(DraftStatus.MenungguTandaTangan, draft.Status);
        var before = await LastOutgoingSequenceAsync();
        var (events, subscription) = factory.Listen();
        using var _ = subscription;

        var signed = await factory.SignAsync("pimpinan", draft);

        Assert.Equal($"000.1.2.3/{before + 1}/DISKOMINFO/{TestClock.Today.Year}", signed.Number);
        Assert.Matches(VerificationCode(), signed.VerificationCode);
        var pdf = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<OpenDraftPdf>().HandleAsync(draft.Id));
        Assert.True(pdf.Signed);
        var report = await Poppler.SignatureReportAsync(pdf.Content);
        Assert.Contains("Signature is Valid.", report);
        var text = await Poppler.TextAsync(pdf.Content);
        Assert.Contains(signed.Number, text);
        Assert.Contains(DraftDocument.LongDate(TestClock.Today), text);
        Assert.Contains($"/verifikasi/{signed.VerificationCode}", text);

        await using var db = factory.CreateDbContext();
        var row = await db.Set<SignedLetter>().SingleAsync(l => l.DraftId == draft.Id);
        Assert.Equal(SignedLetter.HashOf(pdf.Content), row.Sha256);
        Assert.Equal(draft.Signer.Name, row.SignerName);
        var outgoing = await db.OutgoingLetters.SingleAsync(l => l.Id == row.OutgoingLetterId);
        Assert.Equal(signed.Number, outgoing.Number);
        Assert.Equal("Permohonan Data Aplikasi Bertanda Tangan", outgoing.Subject);
        var conceptor = await factory.EmployeeOfAsync("pegawai");
        Assert.Single(events.OfType<DraftSigned>(), e => e.DraftId == draft.Id && e.Number == signed.Number && e.RecipientEmployeeIds.SequenceEqual([conceptor]));
        var after = await factory.DetailsAsync("pegawai", draft.Id);
        Assert.Equal(DraftStatus.Ditandatangani, after.Status);
        Assert.Contains(after.History, h => h.Action == DraftAction.Ditandatangani && h.Note == signed.Number);

        // Signed once: a second signature and any change to the stored file are refused.
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SignAsync("pimpinan", after));
        db.Entry(row).Property(l => l.Pdf).CurrentValue = [1, 2, 3];
        db.Entry(row).Property(l => l.Pdf).IsModified = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SomeoneWhoMaySeeTheDraftButIsNotItsSignerIsRefused()
    {
        await factory.EnrolAsync("pegawai");
        var draft = await factory.AwaitingSignatureAsync("Bukan untuk ditandatangani konseptor");

        var asSeen = await factory.DetailsAsync("pegawai", draft.Id);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SignAsync("pegawai", asSeen));

        Assert.Contains("Hanya penandatangan", refused.Message);
        Assert.Equal(DraftStatus.MenungguTandaTangan, (await factory.DetailsAsync("pegawai", draft.Id)).Status);
    }

    [Fact]
    public async Task TenDraftsSignedAtOnceGetTenGapFreeNumbersAndACancelledDraftTakesNone()
    {
        await factory.EnrolAsync("pimpinan");
        var drafts = new List<DraftDetails>();
        for (var i = 0; i < 10; i++)
        {
            drafts.Add(await factory.AwaitingSignatureAsync($"Naskah serentak {i + 1}"));
        }
        var cancelled = await factory.AwaitingSignatureAsync("Naskah yang dibatalkan");
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<CancelDraft>().HandleAsync(cancelled.Id, cancelled.Version));
        var before = await LastOutgoingSequenceAsync();

        var signed = await Task.WhenAll(drafts.Select(d => factory.SignAsync("pimpinan", d)));

        var sequences = signed.Select(s => int.Parse(s.Number.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(before + 1, 10), sequences);
        Assert.Equal(before + 10, await LastOutgoingSequenceAsync());
        Assert.Equal(10, signed.Select(s => s.VerificationCode).Distinct().Count());
    }

    [Fact]
    public async Task AWrongPassphraseSignsNothingAndTheFifthLocksSigningUntilAnAdminUnlocks()
    {
        await factory.EnrolAsync("sekretaris");
        var draft = await factory.AwaitingSignatureAsync("Naskah dengan passphrase salah", signerUser: "sekretaris");
        var before = await LastOutgoingSequenceAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await Assert.ThrowsAsync<ValidationException>(() => factory.SignAsync("sekretaris", draft, "bukan-passphrase"));
            Assert.Equal($"Passphrase salah. Dokumen tidak ditandatangani. Sisa percobaan: {5 - attempt}.", wrong.Message);
        }
        var locked = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SignAsync("sekretaris", draft, "bukan-passphrase"));
        Assert.Contains("dikunci", locked.Message);
        // Locked: even the right passphrase signs nothing now.
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SignAsync("sekretaris", draft));
        Assert.True((await factory.AsAsync("sekretaris", sp => sp.GetRequiredService<SignerStatusQuery>().HandleAsync())).Locked);
        Assert.Equal(before, await LastOutgoingSequenceAsync());
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.Set<SignedLetter>().AnyAsync(l => l.DraftId == draft.Id));
            Assert.Equal(5, await db.AuditEntries.CountAsync(a => a.Subject == draft.Id.ToString() && a.Action == "draft.sign-wrong-passphrase"));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Subject == draft.Id.ToString() && a.Action == "signature.locked"));
        }

        var sekretaris = await factory.EmployeeOfAsync("sekretaris");
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("pimpinan", sp => sp.GetRequiredService<UnlockSigner>().HandleAsync(sekretaris)));
        Assert.Contains(await factory.AsAsync("admin", sp => sp.GetRequiredService<UnlockSigner>().LockedAsync()), l => l.EmployeeId == sekretaris);
        await factory.AsAsync("admin", sp => sp.GetRequiredService<UnlockSigner>().HandleAsync(sekretaris));

        var signed = await factory.SignAsync("sekretaris", draft);
        Assert.Equal(before + 1, int.Parse(signed.Number.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture));
        await using var after = factory.CreateDbContext();
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == "signature.unlocked"));
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{16}$")]
    private static partial Regex VerificationCode();
}
