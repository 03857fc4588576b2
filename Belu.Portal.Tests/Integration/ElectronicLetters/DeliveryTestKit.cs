using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Delivery;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>Delivery scenarios: a Diskominfo letter to Dinas Kesehatan (another OPD), with a tembusan to Bidang IKP.</summary>
internal static class DeliveryTestKit
{
    public const string DinkesHead = "kadis.dinkes";

    /// <summary>The head of Dinas Kesehatan (given a Pimpinan account) and a staff member directly below him.</summary>
    public static async Task<(int Head, int Staff)> DinkesPeopleAsync(this PortalFactory factory)
    {
        var dinkes = await factory.UnitIdAsync("DINKES");
        await using var db = factory.CreateDbContext();
        var members = await db.Employees.Where(e => e.UnitId == dinkes && e.IsActive).Select(e => new { e.Id, e.SuperiorId }).ToListAsync();
        var head = members.Where(m => m.SuperiorId is not int s || members.All(o => o.Id != s)).OrderBy(m => m.Id).First().Id;
        var staff = await db.Employees.Where(e => e.SuperiorId == head && e.IsActive).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        await factory.LeaderAccountAsync(DinkesHead, head);
        return (head, staff);
    }

    /// <summary>A Surat Dinas to Dinas Kesehatan and an external office, tembusan to Bidang IKP, signed by the Kepala Dinas Kominfo.</summary>
    public static async Task<(SignedDraft Signed, Guid SignedLetterId, Guid OutgoingId)> SignedToDinkesAsync(this PortalFactory factory, string subject,
        SecurityClass security = SecurityClass.Biasa)
    {
        var draft = await factory.SentToDinkesAsync(subject, security);
        await factory.EnrolAsync("pimpinan");
        var signed = await factory.SignAsync("pimpinan", await factory.DetailsAsync("pimpinan", draft.Id));
        await using var db = factory.CreateDbContext();
        var row = await db.Set<SignedLetter>().AsNoTracking().SingleAsync(s => s.DraftId == draft.Id);
        return (signed, row.Id, row.OutgoingLetterId);
    }

    /// <summary>The same letter sent for review: through <paramref name="verifiers"/> (user names), then to the Kepala Dinas Kominfo.</summary>
    public static async Task<DraftDetails> SentToDinkesAsync(this PortalFactory factory, string subject, SecurityClass security = SecurityClass.Biasa,
        params string[] verifiers)
    {
        var ikp = await factory.UnitIdAsync("DISKOMINFO-02");
        var content = await factory.CompleteAsync(subject, security);
        content.Urgency = Urgency.Segera;
        content.Copies = [new DraftParty { UnitId = ikp }];
        var signer = await factory.EmployeeOfAsync("pimpinan");
        var chain = new List<int>();
        foreach (var verifier in verifiers)
        {
            chain.Add(await factory.EmployeeOfAsync(verifier));
        }
        var draft = await factory.DraftedAsync(content);
        var chained = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<EditChain>().HandleAsync(draft.Id, new ChainInput(chain, signer, draft.Version)));
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SendForReview>().HandleAsync(draft.Id, chained));
        return draft;
    }

    public static async Task<List<LetterDelivery>> DeliveriesAsync(this PortalFactory factory, Guid signedLetterId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<LetterDelivery>().AsNoTracking().Where(d => d.SignedLetterId == signedLetterId).OrderBy(d => d.IsCopy).ToListAsync();
    }

    public static Task<DeliveryStatus> StatusAsync(this PortalFactory factory, string user, Guid outgoingId) =>
        factory.AsAsync(user, sp => sp.GetRequiredService<DeliveryStatusQuery>().ForOutgoingAsync(outgoingId));
}
