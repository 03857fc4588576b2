using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Belu.Portal.Tests.Integration.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>A regency that keeps Surat Dinas for its definitive officials (Acting:ReservedLetterKinds).</summary>
public sealed class SuratDinasReservedPortalFactory : PortalFactory
{
    public SuratDinasReservedPortalFactory() => WithSetting("Acting:ReservedLetterKinds:0", "SuratDinas");
}

/// <summary>A Plh meets the edge of his authority: a reserved kind is refused, audited, and takes no number.</summary>
public class ReservedKindSigningTests(SuratDinasReservedPortalFactory factory) : IClassFixture<SuratDinasReservedPortalFactory>
{
    [Fact]
    public async Task APlhIsRefusedAReservedKindWithTheReasonAndNothingIsSignedOrNumbered()
    {
        await factory.EnsureAppointedAsync("pimpinan", "sekretaris");
        await factory.EnrolAsync("sekretaris");
        var draft = await factory.AwaitingSignatureAsync("Surat Dinas yang dicadangkan bagi Kepala Dinas");
        var before = await ActingSigning.LastOutgoingSequenceAsync(factory);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => ActingSigning.SignAsync(factory, "sekretaris", "pimpinan", draft));

        Assert.StartsWith("Sebagai Plh. Kepala Dinas", refused.Message);
        Assert.Contains("tidak berwenang menandatangani naskah jenis Surat Dinas", refused.Message);
        Assert.Equal(before, await ActingSigning.LastOutgoingSequenceAsync(factory));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Set<SignedLetter>().AnyAsync(l => l.DraftId == draft.Id));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "draft.sign-refused" && a.Subject == draft.Id.ToString());
        Assert.Equal("sekretaris", audit.UserName);
        // The Kadis himself still signs it: the draft waits for him.
        Assert.Equal(DraftStatus.MenungguTandaTangan, (await factory.DetailsAsync("pimpinan", draft.Id)).Status);
        await factory.EnrolAsync("pimpinan");
        var signed = await factory.SignAsync("pimpinan", await factory.DetailsAsync("pimpinan", draft.Id));
        Assert.Equal($"{before + 1}", signed.Number.Split('/')[1]);
    }
}
