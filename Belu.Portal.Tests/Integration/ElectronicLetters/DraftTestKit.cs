using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>Drafting scenarios over the real app: the Diskominfo chain (pegawai → Kabid Aptika → Sekretaris → Kepala Dinas).</summary>
internal static class DraftTestKit
{
    /// <summary>The demo's Kabid Aptika (the pegawai's superior), Sekretaris and Kepala Dinas Kominfo: their employee ids.</summary>
    public static async Task<(int Kabid, int Sekretaris, int Kepala)> ChainAccountsAsync(this PortalFactory factory) =>
        (await factory.EmployeeOfAsync("kabid.aptika"), await factory.EmployeeOfAsync("sekretaris"), await factory.EmployeeOfAsync("pimpinan"));

    public static async Task<DraftContent> CompleteAsync(this PortalFactory factory, string subject = "Permohonan Data Aplikasi", SecurityClass security = SecurityClass.Biasa)
    {
        var dinkes = await factory.UnitIdAsync("DINKES");
        return new DraftContent
        {
            Subject = subject, Security = security, ClassificationCode = "000.1.2.3", Attachments = "-",
            Body = "Dengan hormat,\n\nKami mohon data aplikasi:\n1. Nama aplikasi\n2. Pengelola\n\nDemikian.",
            Addressees = [new DraftParty { UnitId = dinkes }, new DraftParty { Name = "Kepala Balai Monitor SFR Kupang", Address = "Kupang" }],
        };
    }

    public static Task<DraftDetails> DetailsAsync(this PortalFactory factory, string user, Guid id) =>
        factory.AsAsync(user, sp => sp.GetRequiredService<DraftDetailsQuery>().HandleAsync(id));

    /// <summary>The pegawai starts a Surat Dinas and saves a complete content; the draft's details after.</summary>
    public static async Task<DraftDetails> DraftedAsync(this PortalFactory factory, DraftContent content)
    {
        var id = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<StartDraft>().HandleAsync(ElectronicLetterKind.SuratDinas));
        var start = await factory.DetailsAsync("pegawai", id);
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SaveDraft>().HandleAsync(id, content, start.Version));
        return await factory.DetailsAsync("pegawai", id);
    }

    public const string Passphrase = "Tanda#Tangan2026";

    /// <summary>A complete Surat Dinas of the pegawai whose only step is <paramref name="signerUser"/>, sent: it awaits their signature.</summary>
    public static async Task<DraftDetails> AwaitingSignatureAsync(this PortalFactory factory, string subject = "Permohonan Data Aplikasi",
        SecurityClass security = SecurityClass.Biasa, string signerUser = "pimpinan")
    {
        var signer = await factory.EmployeeOfAsync(signerUser);
        var draft = await factory.DraftedAsync(await factory.CompleteAsync(subject, security));
        var chained = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<EditChain>().HandleAsync(draft.Id, new ChainInput([], signer, draft.Version)));
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SendForReview>().HandleAsync(draft.Id, chained));
        return await factory.DetailsAsync(signerUser, draft.Id);
    }

    /// <summary>Gives the user a signing certificate sealed by <see cref="Passphrase"/>.</summary>
    public static Task EnrolAsync(this PortalFactory factory, string user) =>
        factory.AsAsync(user, sp => sp.GetRequiredService<EnrolSigner>().EnrolAsync(Passphrase, Passphrase));

    public static Task<SignedDraft> SignAsync(this PortalFactory factory, string user, DraftDetails draft, string passphrase = Passphrase) =>
        factory.AsAsync(user, sp => sp.GetRequiredService<SignDraft>().HandleAsync(draft.Id, passphrase, draft.Version));

    public static async Task<Guid> SendAsync(this PortalFactory factory, DraftDetails draft) =>
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SendForReview>().HandleAsync(draft.Id, draft.Version));
}
