using Belu.Portal.Common;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

public class LetterJourneyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ALetterGoesFromRegistrationThroughTheTreeToSelesai()
    {
        var (events, subscription) = factory.Listen();
        using var _ = subscription;
        var kadis = await factory.EmployeeOfAsync("pimpinan");
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var ikp = await factory.EmployeeOfAsync("kabid.ikp");
        var pegawai = await factory.EmployeeOfAsync("pegawai");

        var id = await factory.RegisterAsync(await factory.FormAsync("Permohonan Integrasi Aplikasi Kepegawaian"));
        Assert.Equal(LetterState.BelumDidisposisi, (await factory.OpenAsync("pimpinan", id)).State);

        var roots = await factory.DisposeAsync("pimpinan", id, null, [aptika, ikp], ["Tindak Lanjuti", "Koordinasikan"],
            TestClock.Today.AddDays(7));
        Assert.Equal(2, roots.Count);

        var seenByAptika = await factory.OpenAsync("kabid.aptika", id);
        var mine = seenByAptika.Dispositions.Single(d => d.IsMine);
        Assert.Equal(DispositionStatus.Dibaca, mine.Status);
        Assert.Equal(LetterState.DalamProses, seenByAptika.State);
        var forwarded = await factory.DisposeAsync("kabid.aptika", id, mine.Id, [pegawai], ["Siapkan Jawaban"]);

        var seenByPegawai = await factory.OpenAsync("pegawai", id);
        var task = seenByPegawai.Dispositions.Single(d => d.IsMine);
        Assert.Equal(forwarded.Single(), task.Id);
        Assert.Equal(DispositionStatus.Diproses, seenByPegawai.Disposition(mine.Id).Status);
        await factory.AsAsync("pegawai", sp => sp.GetRequiredService<ReportFollowUp>()
            .HandleAsync(task.Id, task.Version, "Jawaban sudah disiapkan dan diparaf.", LetterTestKit.PdfUpload("laporan.pdf")));

        var aptikaAgain = (await factory.OpenAsync("kabid.aptika", id)).Disposition(mine.Id);
        Assert.True(aptikaAgain.CanFinish);
        await factory.AsAsync("kabid.aptika", sp => sp.GetRequiredService<ReportFollowUp>()
            .HandleAsync(aptikaAgain.Id, aptikaAgain.Version, "Integrasi dijadwalkan minggu depan.", null));
        Assert.Equal(LetterState.DalamProses, (await factory.OpenAsync("pimpinan", id)).State);

        var ikpView = (await factory.OpenAsync("kabid.ikp", id)).Dispositions.Single(d => d.IsMine);
        await factory.AsAsync("kabid.ikp", sp => sp.GetRequiredService<ProcessDisposition>().HandleAsync(ikpView.Id, ikpView.Version));
        ikpView = (await factory.OpenAsync("kabid.ikp", id)).Dispositions.Single(d => d.IsMine);
        await factory.AsAsync("kabid.ikp", sp => sp.GetRequiredService<ReportFollowUp>().HandleAsync(ikpView.Id, ikpView.Version, "Sudah dikoordinasikan.", null));

        var done = await factory.OpenAsync("pimpinan", id);
        Assert.Equal(LetterState.Selesai, done.State);
        Assert.All(done.Dispositions, d => Assert.Equal(DispositionStatus.Selesai, d.Status));
        Assert.NotNull(done.Dispositions.Single(d => d.Id == task.Id).ReportFile);
        var kinds = done.Track.Select(t => t.Kind).ToList();
        Assert.Equal(TrackKind.Registered, kinds[0]);
        Assert.Equal(2, kinds.Count(k => k == TrackKind.Disposed));
        Assert.Contains(TrackKind.Forwarded, kinds);
        Assert.Equal(3, kinds.Count(k => k == TrackKind.Read));
        Assert.Equal(3, kinds.Count(k => k == TrackKind.Finished));
        Assert.Contains(done.Track, t => t.Kind == TrackKind.Forwarded && t.Text.Contains("Siapkan Jawaban") && t.ActorName == seenByAptika.Dispositions.Single(d => d.IsMine).To.Name);

        lock (events)
        {
            var mineEvents = events.OfType<LetterEvent>().Where(e => e.LetterId == id).ToList();
            Assert.Single(mineEvents.OfType<LetterRegistered>(), e => e.RecipientEmployeeIds.Contains(kadis));
            Assert.Equal(new[] { aptika, ikp, pegawai }.Order(), mineEvents.OfType<LetterDisposed>().Select(e => e.RecipientEmployeeIds.Single()).Order());
            Assert.Equal(3, mineEvents.OfType<LetterDisposed>().Count());
            Assert.Contains(mineEvents.OfType<DispositionRead>(), e => e.RecipientEmployeeIds.Single() == kadis);
            Assert.Contains(mineEvents.OfType<DispositionFinished>(), e => e.RecipientEmployeeIds.Single() == aptika && e.Link == $"/surat/{id}");
            Assert.Equal(3, mineEvents.OfType<DispositionFinished>().Count());
        }

        await using var db = factory.CreateDbContext();
        var actions = await db.AuditEntries.Where(a => a.Subject == done.AgendaNumber).Select(a => a.Action).ToListAsync();
        Assert.Contains("letter.registered", actions);
        Assert.Contains("letter.read", actions);
        Assert.Contains("disposition.created", actions);
        Assert.Contains("disposition.forwarded", actions);
        Assert.Contains("disposition.finished", actions);
    }

    [Fact]
    public async Task TwentyClerksRegisteringAtOnceGetTwentyConsecutiveAgendaNumbers()
    {
        var forms = new List<IncomingLetterInput>();
        for (var i = 0; i < 20; i++)
        {
            forms.Add(await factory.FormAsync($"Surat serentak {i}"));
        }
        var ids = await Task.WhenAll(forms.Select(form => Task.Run(() => factory.RegisterAsync(form))));

        await using var db = factory.CreateDbContext();
        var letters = await db.IncomingLetters.Where(l => ids.Contains(l.Id)).ToListAsync();
        Assert.Equal(20, letters.Count);
        var sequences = letters.Select(l => l.AgendaSequence).Order().ToList();
        Assert.Equal(20, sequences.Distinct().Count());
        Assert.Equal(Enumerable.Range(sequences[0], 20), sequences);
        var counter = await db.LetterCounters.SingleAsync(c => c.UnitId == letters[0].UnitId && c.Year == letters[0].AgendaYear && c.Register == LetterRegister.Incoming);
        Assert.True(counter.LastSequence >= sequences[^1]);
        Assert.All(letters, l => Assert.Equal(LetterNumbering.AgendaNumber(l.AgendaSequence, l.AgendaYear), l.AgendaNumber));
    }

    [Fact]
    public async Task AnAgendaNumberIsNeverSkippedWhenARegistrationFails()
    {
        var first = await factory.RegisterAsync(await factory.FormAsync("Sebelum"));
        var bad = await factory.FormAsync("Gagal");
        await Assert.ThrowsAsync<ValidationException>(() => factory.RegisterAsync(bad, new FileUpload("virus.pdf", new MemoryStream([0x4D, 0x5A, 0x90, 0x00]))));
        var second = await factory.RegisterAsync(await factory.FormAsync("Sesudah"));
        await using var db = factory.CreateDbContext();
        var a = await db.IncomingLetters.SingleAsync(l => l.Id == first);
        var b = await db.IncomingLetters.SingleAsync(l => l.Id == second);
        Assert.False(await db.IncomingLetters.AnyAsync(l => l.Subject == "Gagal"));
        Assert.InRange(b.AgendaSequence - a.AgendaSequence, 1, 20);
        Assert.Equal(Enumerable.Range(a.AgendaSequence, b.AgendaSequence - a.AgendaSequence + 1),
            await db.IncomingLetters.Where(l => l.UnitId == a.UnitId && l.AgendaYear == a.AgendaYear && l.AgendaSequence >= a.AgendaSequence && l.AgendaSequence <= b.AgendaSequence)
                .Select(l => l.AgendaSequence).OrderBy(s => s).ToListAsync());
    }

    [Fact]
    public async Task ADoubleSubmitOfOneFormRegistersOneLetter()
    {
        var form = await factory.FormAsync("Klik ganda");
        var ids = await Task.WhenAll(Task.Run(() => factory.RegisterAsync(form)), Task.Run(() => factory.RegisterAsync(form)));
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], await factory.RegisterAsync(form));
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.IncomingLetters.CountAsync(l => l.Subject == "Klik ganda"));
    }

    [Fact]
    public async Task MissingFieldsAreNamedAndNothingIsSaved()
    {
        await using var db = factory.CreateDbContext();
        var before = await db.IncomingLetters.CountAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() => factory.RegisterAsync(new IncomingLetterInput()));
        Assert.Equal("Nomor surat wajib diisi.", error.FieldErrors[nameof(IncomingLetterInput.SenderNumber)]);
        Assert.Equal("Asal surat wajib diisi.", error.FieldErrors[nameof(IncomingLetterInput.Sender)]);
        Assert.Equal("Perihal wajib diisi.", error.FieldErrors[nameof(IncomingLetterInput.Subject)]);
        Assert.Equal("Tanggal surat wajib diisi.", error.FieldErrors[nameof(IncomingLetterInput.LetterDate)]);
        Assert.Equal("Kode klasifikasi wajib diisi.", error.FieldErrors[nameof(IncomingLetterInput.ClassificationCode)]);
        Assert.Equal("Tujuan surat (pimpinan) wajib dipilih.", error.FieldErrors[nameof(IncomingLetterInput.AddresseeId)]);
        Assert.Equal(before, await db.IncomingLetters.CountAsync());
    }

    [Fact]
    public async Task ALetterDatedAfterItWasReceivedIsRefused()
    {
        var form = await factory.FormAsync();
        form.LetterDate = form.ReceivedDate!.Value.AddDays(1);
        var error = await Assert.ThrowsAsync<ValidationException>(() => factory.RegisterAsync(form));
        Assert.Equal("Tanggal surat tidak boleh sesudah tanggal diterima.", error.Message);
    }

    [Fact]
    public async Task TheAddresseeMustBeALeaderOfTheUnit()
    {
        var form = await factory.FormAsync();
        form.AddresseeId = await factory.EmployeeOfAsync("pegawai");
        var error = await Assert.ThrowsAsync<ValidationException>(() => factory.RegisterAsync(form));
        Assert.Equal("Tujuan surat harus pimpinan aktif di unit Anda.", error.Message);
    }

    [Fact]
    public async Task ALetterNeedsAScan()
    {
        var form = await factory.FormAsync();
        await using var scope = await factory.ScopeForAsync("agendaris");
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<RegisterLetter>().HandleAsync(form, []));
        Assert.Contains("minimal satu pindaian", error.Message);
    }

    [Theory]
    [InlineData("renamed")]
    [InlineData("empty")]
    [InlineData("oversize")]
    public async Task BadUploadsAreRefusedWithAClearMessage(string kind)
    {
        var form = await factory.FormAsync($"Unggahan {kind}");
        var (file, message) = kind switch
        {
            "renamed" => (new FileUpload("setup-surat.pdf", new MemoryStream([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00])), "isi berkas diperiksa"),
            "empty" => (new FileUpload("kosong.pdf", new MemoryStream()), "kosong"),
            _ => (new FileUpload("besar.pdf", new MemoryStream([.. "%PDF-"u8, .. new byte[10 * 1024 * 1024]])), "terlalu besar"),
        };
        var error = await Assert.ThrowsAsync<ValidationException>(() => factory.RegisterAsync(form, file));
        Assert.Contains(message, error.Message);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.IncomingLetters.AnyAsync(l => l.Subject == form.Subject));
    }

    [Fact]
    public async Task TheSearchFindsWordsInSubjectAndSummaryThroughTheIndex()
    {
        var form = await factory.FormAsync("Pemeliharaan Menara Telekomunikasi Haekesak");
        form.Summary = "Koordinasi dengan operator seluler di perbatasan Motaain.";
        var id = await factory.RegisterAsync(form);

        async Task<IReadOnlyList<LetterRow>> Search(string text) =>
            (await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Text: text)))).Items;

        Assert.Contains(await Search("haekesak"), r => r.Id == id);
        Assert.Contains(await Search("menara haek"), r => r.Id == id);
        Assert.Contains(await Search("motaain"), r => r.Id == id);
        Assert.DoesNotContain(await Search("haekesak kupang"), r => r.Id == id);
        Assert.Empty(await Search("zzqqxx"));
    }

    [Fact]
    public async Task ListsPutOverdueLettersFirstAndFilterByState()
    {
        var page = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Take: 200)));
        Assert.True(page.Total >= 200, $"only {page.Total} letters in the Kepala Dinas' scope");
        var states = page.Items.Select(r => r.State).ToList();
        var firstOther = states.FindIndex(s => s != LetterState.Terlambat);
        Assert.True(firstOther > 0, "no overdue letter first");
        Assert.DoesNotContain(LetterState.Terlambat, states.Skip(firstOther));
        foreach (var state in Enum.GetValues<LetterState>())
        {
            var filtered = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(State: state)));
            Assert.True(filtered.Total > 0, $"no demo letter is {state}");
            Assert.All(filtered.Items, r => Assert.Equal(state, r.State));
        }
    }

    [Fact]
    public async Task TheDashboardCountersMatchTheListsTheyLinkTo()
    {
        var dashboard = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<LetterQueries>().GetDashboardAsync());
        async Task<int> Count(LetterBox box) =>
            (await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(box)))).Total;
        Assert.Equal(dashboard.Unread, await Count(LetterBox.BelumDibaca));
        Assert.Equal(dashboard.NotDisposed, await Count(LetterBox.BelumDisposisi));
        Assert.Equal(dashboard.DispositionsUnread, await Count(LetterBox.DisposisiBelumDibaca));
        Assert.Equal(dashboard.NotFollowedUp, await Count(LetterBox.BelumDitindaklanjuti));
        Assert.Equal(dashboard.Overdue, await Count(LetterBox.Terlambat));
        Assert.Equal(dashboard.CopiesUnread, await Count(LetterBox.TembusanBelumDibaca));
        Assert.True(dashboard.NotDisposed > 0 && dashboard.Overdue > 0 && dashboard.NotFollowedUp > 0);
    }

    [Fact]
    public async Task OutgoingLettersAreNumberedByTheRegionalFormatWithoutGaps()
    {
        var signer = await factory.EmployeeOfAsync("pimpinan");
        var today = TestClock.Today;
        async Task<OutgoingDetail> Register(string subject) => await factory.AsAsync("agendaris", async sp =>
        {
            var service = sp.GetRequiredService<OutgoingLetterService>();
            var id = await service.RegisterAsync(new OutgoingLetterInput
            {
                ClassificationCode = "400.14.1", LetterDate = today, Subject = subject, Addressees = "Bupati Belu", SignerId = signer,
            }, null);
            return await service.GetAsync(id);
        });
        var a = await Register("Laporan bulanan");
        var b = await Register("Laporan triwulan");
        var partsA = a.Number.Split('/');
        var partsB = b.Number.Split('/');
        Assert.Equal(["400.14.1", "DISKOMINFO", today.Year.ToString()], new[] { partsA[0], partsA[2], partsA[3] });
        Assert.Equal(int.Parse(partsA[1]) + 1, int.Parse(partsB[1]));

        var error = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("agendaris", sp => sp.GetRequiredService<OutgoingLetterService>()
            .RegisterAsync(new OutgoingLetterInput { ClassificationCode = "4.1", LetterDate = today, Subject = "x", Addressees = "y", SignerId = signer }, null)));
        Assert.Contains("Permendagri", error.Message);
        await Assert.ThrowsAsync<Belu.Portal.Common.ForbiddenException>(() => factory.AsAsync("pegawai", sp => sp.GetRequiredService<OutgoingLetterService>()
            .RegisterAsync(new OutgoingLetterInput(), null)));
    }
}
