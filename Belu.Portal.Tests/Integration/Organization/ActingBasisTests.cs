using Belu.Portal.Features.Organization.Acting;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Belu.Portal.Tests.Integration.ElectronicLetters;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Organization;

/// <summary>An appointment cites the signed Surat Perintah of the portal it rests on, by its number, and the list links it.</summary>
public class ActingBasisTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnAppointmentCitesASignedLetterOfThePortalWithItsNumberAndDateAndTheListLinksIt()
    {
        await factory.EnrolAsync("pimpinan");
        var signed = await factory.SignAsync("pimpinan", await factory.AwaitingSignatureAsync("Penunjukan Plh Kepala Dinas"));
        var found = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<ActingBasis>().FindAsync(signed.Number.Split('/')[1] + "/DISKOMINFO"));
        var basis = Assert.Single(found, l => l.Number == signed.Number);
        // Someone else's letters are not his to cite.
        Assert.Empty(await factory.AsAsync("sekretaris", sp => sp.GetRequiredService<ActingBasis>().FindAsync(signed.Number)));

        var from = factory.Today().AddDays(20);
        var input = new ActingInput
        {
            ReplacedEmployeeId = await factory.EmployeeIdOfAsync("pimpinan"), ActingEmployeeId = await factory.EmployeeIdOfAsync("sekretaris"),
            Kind = ActingKind.Plh, From = from, To = from.AddDays(2), LetterNumber = "diketik lain", LetterDate = factory.Today().AddDays(-3),
            SignedLetterId = basis.Id,
        };
        var id = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<AppointActing>().HandleAsync(input));

        await using (var db = factory.CreateDbContext())
        {
            var row = await db.ActingAppointments.SingleAsync(a => a.Id == id);
            Assert.Equal((basis.Id, signed.Number, signed.LetterDate), (row.SignedLetterId, row.LetterNumber, row.LetterDate));
        }
        var listed = (await factory.AsAsync("admin", sp => sp.GetRequiredService<ActingQueries>().LoadAsync())).Rows.Single(r => r.Id == id);
        Assert.Equal(signed.VerificationCode, listed.BasisCode);
    }

    [Fact]
    public async Task ALetterTheOfficialMayNotCiteIsRefusedAndNothingIsSaved()
    {
        await factory.EnrolAsync("sekretaris");
        var other = await factory.SignAsync("sekretaris", await factory.AwaitingSignatureAsync("Naskah Sekretaris", signerUser: "sekretaris"));
        var from = factory.Today().AddDays(40);
        var input = new ActingInput
        {
            ReplacedEmployeeId = await factory.EmployeeIdOfAsync("pimpinan"), ActingEmployeeId = await factory.EmployeeIdOfAsync("sekretaris"),
            Kind = ActingKind.Plh, From = from, To = from, LetterNumber = "", LetterDate = null, SignedLetterId = other.SignedLetterId,
        };

        var refused = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("pimpinan", sp => sp.GetRequiredService<AppointActing>().HandleAsync(input)));

        Assert.Contains("LetterNumber", refused.FieldErrors.Keys);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.ActingAppointments.AnyAsync(a => a.From == from));
    }
}
