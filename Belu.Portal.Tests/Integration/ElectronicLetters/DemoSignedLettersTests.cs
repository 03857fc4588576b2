using System.Net;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Delivery;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>A fresh demo with its signed naskah dinas switched on (the other tests' portals leave them out).</summary>
public sealed class DemoSignedLettersPortalFactory : PortalFactory
{
    public DemoSignedLettersPortalFactory()
        : base(new PortalSetup { FreshDatabase = true })
    {
        WithSetting("Demo:SignedLetters", "true");
        WithSetting("Demo:IncomingLetters", "20");
        WithSetting("Demo:OutgoingLetters", "5");
    }
}

public sealed class DemoSignedLettersTests(DemoSignedLettersPortalFactory factory) : IClassFixture<DemoSignedLettersPortalFactory>
{
    [Fact]
    public async Task TheDemoHoldsASignedLetterOfEachKindWhosePdfTheVerificationPageAccepts()
    {
        await using var db = factory.CreateDbContext();
        var signed = await db.Set<SignedLetter>().AsNoTracking().OrderBy(s => s.SignedAtUtc).ToListAsync();
        Assert.Equal(Enum.GetValues<ElectronicLetterKind>().ToHashSet(), signed.Select(s => s.Kind).ToHashSet());

        using var client = factory.CreateClient();
        await using var scope = factory.AnonymousScope();
        var verify = scope.ServiceProvider.GetRequiredService<VerifySignedLetter>();
        foreach (var letter in signed)
        {
            var found = await verify.FindAsync(letter.VerificationCode);
            Assert.NotNull(found);
            Assert.Equal(SignedLetterStatus.Sah, found.Status);
            Assert.Equal(UploadComparison.SamaPersis, await verify.CompareAsync(found, new MemoryStream(letter.Pdf)));
            var page = await client.GetAsync($"/verifikasi/{letter.VerificationCode}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(letter.Number, await page.Content.ReadAsStringAsync());
        }
        var report = await Poppler.SignatureReportAsync(signed[0].Pdf);
        Assert.Contains("Signature is Valid.", report);
        Assert.Contains("ETSI.CAdES.detached", report);
        Assert.Contains(signed[0].Subject, (await Poppler.TextAsync(signed[0].Pdf)).ReplaceLineEndings(" "));
    }

    [Fact]
    public async Task TheDemoNumbersLeaveNoGapAndSomeLettersAreDeliveredAndRead()
    {
        await using var db = factory.CreateDbContext();
        var unit = await db.Set<SignedLetter>().Select(s => s.UnitId).FirstAsync();
        var sequences = await db.OutgoingLetters.Where(o => o.UnitId == unit).GroupBy(o => o.Year)
            .Select(g => g.Select(o => o.Sequence).OrderBy(s => s).ToList()).ToListAsync();
        Assert.All(sequences, s => Assert.Equal(Enumerable.Range(1, s.Count), s));

        var deliveries = await db.Set<LetterDelivery>().AsNoTracking().ToListAsync();
        Assert.True(deliveries.Count(d => !d.IsCopy) >= 3);
        Assert.Contains(deliveries, d => d.ReadAtUtc is not null);
        Assert.Contains(deliveries, d => d.ReadAtUtc is null);
    }

    [Fact]
    public async Task TheDemoSuratTugasGivesItsStaffApprovedDutyDaysLinkedToTheLetter()
    {
        await using var db = factory.CreateDbContext();
        var tugas = await db.Set<SignedLetter>().SingleAsync(s => s.Kind == ElectronicLetterKind.SuratTugas);
        var duties = await db.AttendanceRequests.Where(r => r.SignedLetterId == tugas.Id).ToListAsync();
        Assert.Equal(2, duties.Count);
        Assert.All(duties, d => Assert.Equal((RequestKind.DL, RequestStatus.Disetujui), (d.Kind, d.Status)));
        Assert.All(duties, d => Assert.Contains(tugas.Number, d.Reason));
    }

    [Fact]
    public async Task SeedingAgainAddsNothing()
    {
        int Count(Data.PortalDbContext db) => db.Set<SignedLetter>().Count();
        await using var db = factory.CreateDbContext();
        var before = (Count(db), db.OutgoingLetters.Count(), db.AttendanceRequests.Count());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            foreach (var step in scope.ServiceProvider.GetServices<IDemoSeedStep>())
            {
                await step.SeedAsync();
            }
        }
        Assert.Equal(before, (Count(db), db.OutgoingLetters.Count(), db.AttendanceRequests.Count()));
    }
}
