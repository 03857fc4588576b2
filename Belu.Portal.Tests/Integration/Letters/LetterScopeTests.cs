using System.Net;
using Belu.Portal.Common;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

public class LetterScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>A letter in another OPD's register (Dinas Kesehatan), with a scan, put straight into the database.</summary>
    private async Task<(Guid LetterId, Guid FileId)> DinkesLetterAsync()
    {
        await using var db = factory.CreateDbContext();
        var dinkes = await db.Units.SingleAsync(u => u.Code == "DINKES");
        var head = await db.Employees.Where(e => e.UnitId == dinkes.Id).OrderBy(e => e.Id).FirstAsync();
        var letter = new IncomingLetter
        {
            UnitId = dinkes.Id, AgendaYear = 2026, AgendaSequence = 900 + Random.Shared.Next(1000), AgendaNumber = "0900/2026", SenderNumber = "X/1",
            LetterDate = new DateOnly(2026, 11, 1), ReceivedDate = new DateOnly(2026, 11, 2), Sender = "Kementerian Kesehatan",
            Subject = "Data imunisasi rahasia dinas lain", ClassificationCode = "400.14.1", AddresseeId = head.Id, RegisteredById = head.Id,
            RegisteredAtUtc = TestClock.Start.UtcDateTime, SubmissionId = Guid.NewGuid(),
        };
        var stored = await factory.Services.GetRequiredService<Belu.Portal.Common.Files.FileStore>()
            .SaveAsync(new MemoryStream(LetterTestKit.Pdf("dinkes")), "dinkes.pdf", [Belu.Portal.Common.Files.FileKind.Pdf]);
        var file = LetterFiles.NewFile(stored, head.Id, TestClock.Start.UtcDateTime, letterId: letter.Id);
        db.IncomingLetters.Add(letter);
        db.LetterGrants.AddRange(LetterGrants.Of(letter));
        db.LetterFiles.Add(file);
        await db.SaveChangesAsync();
        return (letter.Id, file.Id);
    }

    [Fact]
    public async Task NobodySeesAnotherUnitsLetterThroughAnyDoor()
    {
        var (letterId, fileId) = await DinkesLetterAsync();
        foreach (var user in new[] { "pimpinan", "agendaris", "pegawai", "kabid.aptika", "admin" })
        {
            await factory.AsAsync(user, async sp =>
            {
                await Assert.ThrowsAsync<NotFoundException>(() => sp.GetRequiredService<OpenLetter>().HandleAsync(letterId));
                await Assert.ThrowsAsync<NotFoundException>(() => sp.GetRequiredService<PrintLetter>().ReceiptAsync(letterId));
                await Assert.ThrowsAsync<NotFoundException>(() => sp.GetRequiredService<OpenLetterFile>().HandleAsync(fileId));
                Assert.DoesNotContain((await sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Text: "imunisasi"))).Items, r => r.Id == letterId);
                await Assert.ThrowsAsync<NotFoundException>(() => sp.GetRequiredService<DispositionQueries>().GetFormAsync(letterId, null));
            });
        }
    }

    [Fact]
    public async Task OverHttpARefusedLetterOrFileGivesNotFoundAndNoBytes()
    {
        var (letterId, fileId) = await DinkesLetterAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        var file = await client.GetAsync($"/surat/lampiran/{fileId}");
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        var body = await file.Content.ReadAsStringAsync();
        Assert.DoesNotContain("%PDF", body);
        foreach (var path in new[] { $"/surat/{letterId}/lembar-disposisi", $"/surat/{letterId}/tanda-terima" })
        {
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("imunisasi", await page.Content.ReadAsStringAsync());
        }
        var letterPage = await client.GetAsync($"/surat/{letterId}");
        Assert.DoesNotContain("imunisasi", await letterPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/surat/lampiran/{Guid.CreateVersion7()}")).StatusCode);

        var anonymous = factory.CreateBrowserLikeClient();
        var anon = await anonymous.GetAsync($"/surat/lampiran/{fileId}");
        Assert.NotEqual(HttpStatusCode.OK, anon.StatusCode);
        Assert.DoesNotContain("%PDF", await anon.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAddresseeStreamsTheScanInlineAndTheReadIsAudited()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Surat dengan pindaian"), new FileUpload("pindaian asli.pdf", new MemoryStream(LetterTestKit.Pdf("asli"))));
        var fileId = (await factory.OpenAsync("pimpinan", id)).Files.Single().Id;
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        var response = await client.GetAsync($"/surat/lampiran/{fileId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("%PDF-", await response.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        var sheet = await client.GetAsync($"/surat/{id}/lembar-disposisi");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var html = await sheet.Content.ReadAsStringAsync();
        Assert.Contains("LEMBAR DISPOSISI", html);
        Assert.Contains("Surat dengan pindaian", html);
        Assert.Contains("Menghadap Saya", html);

        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "attachment.read" && a.UserName == "pimpinan" && a.Detail!.Contains(fileId.ToString())));
    }

    [Fact]
    public async Task ASecretLetterIsSeenOnlyByItsAddresseesAndItsTree()
    {
        var kadis = await factory.EmployeeOfAsync("pimpinan");
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var sandi = await factory.EmployeeOfAsync("kabid.sandi");
        await using var db = factory.CreateDbContext();
        var bupatiId = await db.Employees.Where(e => e.Position == "Bupati Belu").Select(e => e.Id).SingleAsync();
        var bupati = await factory.LeaderAccountAsync("bupati", bupatiId);

        var form = await factory.FormAsync("Sandi akses pusat data", SecurityClass.Rahasia);
        form.CopyEmployeeIds = [sandi];
        var secret = await factory.RegisterAsync(form);
        var ordinary = await factory.RegisterAsync(await factory.FormAsync("Surat biasa untuk pembanding"));

        // The Bupati leads the whole regency: he oversees the ordinary letter, never the secret one.
        Assert.Equal(LetterRelation.Oversight, (await factory.OpenAsync(bupati, ordinary)).Relation);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.OpenAsync(bupati, secret));
        Assert.DoesNotContain((await factory.AsAsync(bupati, sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Take: 200)))).Items, r => r.Id == secret);
        // The clerk of the register reads the ordinary letter but not the secret one; the receipt hides the subject.
        Assert.Equal(LetterRelation.Registry, (await factory.OpenAsync("agendaris", ordinary)).Relation);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.OpenAsync("agendaris", secret));
        var receipt = await factory.AsAsync("agendaris", sp => sp.GetRequiredService<PrintLetter>().ReceiptAsync(secret));
        Assert.Null(receipt.Subject);
        Assert.DoesNotContain((await factory.AsAsync("agendaris", sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Text: "pusat data")))).Items, r => r.Id == secret);

        Assert.Equal(LetterRelation.Participant, (await factory.OpenAsync("pimpinan", secret)).Relation);
        Assert.Equal(LetterRelation.Copy, (await factory.OpenAsync("kabid.sandi", secret)).Relation);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.OpenAsync("kabid.aptika", secret));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.OpenAsync("pegawai", secret));

        await factory.DisposeAsync("pimpinan", secret, null, [aptika]);
        Assert.Equal(LetterRelation.Participant, (await factory.OpenAsync("kabid.aptika", secret)).Relation);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.OpenAsync("pegawai", secret));
        Assert.Equal(kadis, (await factory.OpenAsync("kabid.aptika", secret)).Addressee.Id);
    }

    [Fact]
    public async Task ACopyHolderReadsButCannotDispose()
    {
        var form = await factory.FormAsync("Tembusan untuk bidang persandian");
        form.CopyUnitIds = [await factory.UnitIdAsync("DISKOMINFO-04")];
        var id = await factory.RegisterAsync(form);
        var copy = await factory.OpenAsync("kabid.sandi", id);
        Assert.Equal(LetterRelation.Copy, copy.Relation);
        Assert.False(copy.CanDispose);
        Assert.NotNull(copy.Copies.Single().ReadAtUtc);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("kabid.sandi", sp => sp.GetRequiredService<DispositionQueries>().GetFormAsync(id, null)));
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.DisposeAsync("kabid.sandi", id, null, [pegawai]));
    }

    [Fact]
    public async Task DisposingALetterYouWereNotGivenIsRefused()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Bukan untuk Anda"));
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        await Assert.ThrowsAsync<NotFoundException>(() => factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<DisposeLetter>().HandleAsync(id,
            new DispositionInput { EmployeeIds = [pegawai], Instructions = ["Tindak Lanjuti"] })));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("agendaris", sp => sp.GetRequiredService<DisposeLetter>().HandleAsync(id,
            new DispositionInput { EmployeeIds = [pegawai], Instructions = ["Tindak Lanjuti"] })));
    }

    [Fact]
    public async Task ForwardingOutsideOnesOwnSubordinatesIsRefused()
    {
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var id = await factory.RegisterAsync(await factory.FormAsync("Teruskan ke luar lingkup"));
        var parent = (await factory.DisposeAsync("pimpinan", id, null, [aptika])).Single();
        await using var db = factory.CreateDbContext();
        var ikpStaff = await db.Employees.Where(e => e.Unit!.Code == "DISKOMINFO-02" && e.SuperiorId != null && e.Superior!.UnitId == e.UnitId).Select(e => e.Id).FirstAsync();
        var dinkesStaff = await db.Employees.Where(e => e.Unit!.Code == "DINKES-02").Select(e => e.Id).FirstAsync();
        var kadis = await factory.EmployeeOfAsync("pimpinan");
        foreach (var outsider in new[] { ikpStaff, dinkesStaff, kadis, aptika })
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => factory.DisposeAsync("kabid.aptika", id, parent, [outsider]));
            Assert.Contains("bukan bawahan Anda", error.Message);
        }
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => factory.DisposeAsync("kabid.aptika", id, parent, [int.MaxValue]));
        var ikpUnit = await factory.UnitIdAsync("DISKOMINFO-02");
        Assert.Equal("Penerima disposisi tidak ditemukan atau tidak aktif.", unknown.Message);
        var otherUnit = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("kabid.aptika", async sp =>
        {
            var form = await sp.GetRequiredService<DispositionQueries>().GetFormAsync(id, parent);
            return await sp.GetRequiredService<DisposeLetter>().HandleAsync(id, new DispositionInput { ParentId = parent, UnitIds = [ikpUnit], Instructions = ["Tindak Lanjuti"], Version = form.Version });
        }));
        Assert.Contains("bukan unit di bawah Anda", otherUnit.Message);
        Assert.DoesNotContain((await factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<DispositionQueries>().GetFormAsync(id, parent))).Recipients,
            r => r.Id == ikpStaff || r.Id == kadis);
    }

    [Fact]
    public async Task APegawaiCannotRegisterLetters()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("pegawai", sp => sp.GetRequiredService<RegisterLetter>()
            .HandleAsync(new IncomingLetterInput(), [LetterTestKit.PdfUpload()])));
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/surat/masuk/baru")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/instruksi-disposisi")).StatusCode);
    }

    [Fact]
    public async Task TheStoredAccessSetFollowsRegistrationDispositionAndCancellation()
    {
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var ikp = await factory.EmployeeOfAsync("kabid.ikp");
        var sandi = await factory.EmployeeOfAsync("kabid.sandi");
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var form = await factory.FormAsync("Akses tersimpan mengikuti pohon", SecurityClass.Rahasia);
        form.CopyEmployeeIds = [sandi];
        var id = await factory.RegisterAsync(form);
        var toAptika = (await factory.DisposeAsync("pimpinan", id, null, [aptika, ikp])).ToList();
        await factory.DisposeAsync("kabid.aptika", id, toAptika[0], [pegawai]);
        var toIkp = toAptika[1];
        await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<CancelDisposition>().HandleAsync(toIkp));
        var open = await factory.RegisterAsync(await factory.FormAsync("Akses tersimpan surat biasa"));
        await factory.DisposeAsync("pimpinan", open, null, [aptika]);

        // Every letter in the database, the demo's included: the stored set is the one the rules give today.
        await using var db = factory.CreateDbContext();
        var letters = await db.IncomingLetters.AsNoTracking().Include(l => l.Dispositions).Include(l => l.Copies).AsSplitQuery().ToListAsync();
        var grants = (await db.LetterGrants.AsNoTracking().ToListAsync()).ToLookup(g => g.LetterId, g => new LetterGrantKey(g.Kind, g.PrincipalId));
        Assert.NotEmpty(letters);
        foreach (var letter in letters)
        {
            var expected = LetterGrantRules.For(LetterScope.Facts(letter));
            Assert.True(expected.SetEquals(grants[letter.Id]), $"{letter.AgendaNumber}: stored [{string.Join(", ", grants[letter.Id])}], expected [{string.Join(", ", expected)}]");
        }
        var secret = grants[id].ToHashSet();
        Assert.Contains(new LetterGrantKey(GrantKind.Person, pegawai), secret);
        Assert.Contains(new LetterGrantKey(GrantKind.Person, sandi), secret);
        Assert.DoesNotContain(new LetterGrantKey(GrantKind.Person, ikp), secret);
        Assert.DoesNotContain(secret, k => k.Kind != GrantKind.Person);

        // And the lists answer from it: the cancelled recipient lost the secret letter, the forwarded staff member has it.
        var ikpList = await factory.AsAsync("kabid.ikp", sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery { Take = 200 }));
        Assert.DoesNotContain(ikpList.Items, r => r.Id == id);
        var staffList = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery { Take = 200 }));
        Assert.Contains(staffList.Items, r => r.Id == id);
    }
    [Fact]
    public async Task EveryGrantCarriesItsLettersStateAndSearchKeyThroughDisposalProcessingAndFinishing()
    {
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var today = factory.Services.GetRequiredService<OfficeClock>().Today;
        var id = await factory.RegisterAsync(await factory.FormAsync("Status di kunci akses mengikuti surat"));
        var before = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<LetterQueries>().GetDashboardAsync());
        await AssertGrantsFollowAsync(id, LetterState.BelumDidisposisi, null);

        var mine = Assert.Single(await factory.DisposeAsync("pimpinan", id, null, [pegawai], deadline: today.AddDays(3)));
        await AssertGrantsFollowAsync(id, LetterState.DalamProses, today.AddDays(3));
        var disposed = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<LetterQueries>().GetDashboardAsync());
        Assert.Equal(before.InProgress + 1, disposed.InProgress);

        var version = (await factory.OpenAsync("pegawai", id)).Disposition(mine).Version;
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<ProcessDisposition>().HandleAsync(mine, version));
        version = (await factory.OpenAsync("pegawai", id)).Disposition(mine).Version;
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<ReportFollowUp>().HandleAsync(mine, version, "Sudah dilaksanakan.", null));
        await AssertGrantsFollowAsync(id, LetterState.Selesai, null);

        // The counters read from the grants: the letter moved from "dalam proses" to "selesai" for its leader.
        var finished = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<LetterQueries>().GetDashboardAsync());
        Assert.Equal(disposed.InProgress - 1, finished.InProgress);
        Assert.Equal(disposed.Done + 1, finished.Done);
        Assert.Equal(disposed.InScope, finished.InScope);
    }

    private async Task AssertGrantsFollowAsync(Guid letterId, LetterState progress, DateOnly? deadline)
    {
        await using var db = factory.CreateDbContext();
        var letter = await db.IncomingLetters.AsNoTracking().SingleAsync(l => l.Id == letterId);
        Assert.Equal((progress, deadline), (letter.Progress, letter.OpenDeadline));
        var grants = await db.LetterGrants.AsNoTracking().Where(g => g.LetterId == letterId).ToListAsync();
        Assert.NotEmpty(grants);
        Assert.All(grants, g => Assert.Equal((progress, deadline, letter.SearchKey), (g.Progress, g.OpenDeadline, g.SearchKey)));
    }
}
