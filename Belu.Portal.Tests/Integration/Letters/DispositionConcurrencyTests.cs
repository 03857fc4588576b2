using Belu.Portal.Common;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

public class DispositionConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TwoDisposalsOfTheSameLetterAtOnceOneWinsTheOtherIsToldToReload()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Didisposisikan dari dua perangkat"));
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var ikp = await factory.EmployeeOfAsync("kabid.ikp");
        await using var first = await factory.ScopeForAsync("pimpinan");
        await using var second = await factory.ScopeForAsync("pimpinan");
        var formA = await first.ServiceProvider.GetRequiredService<DispositionQueries>().GetFormAsync(id, null);
        var formB = await second.ServiceProvider.GetRequiredService<DispositionQueries>().GetFormAsync(id, null);

        var results = await Task.WhenAll(
            Capture(() => first.ServiceProvider.GetRequiredService<DisposeLetter>().HandleAsync(id, new DispositionInput { EmployeeIds = [aptika], Instructions = ["Tindak Lanjuti"], Version = formA.Version })),
            Capture(() => second.ServiceProvider.GetRequiredService<DisposeLetter>().HandleAsync(id, new DispositionInput { EmployeeIds = [ikp], Instructions = ["Untuk Diketahui"], Version = formB.Version })));
        Assert.Single(results, r => r is null);
        var loser = Assert.IsType<ConcurrencyException>(results.Single(r => r is not null));
        Assert.Contains("Muat ulang", loser.Message);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Dispositions.CountAsync(d => d.LetterId == id));
    }

    [Fact]
    public async Task FinishingWhileTheSameDispositionIsBeingForwardedLosesNothing()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Selesai sambil diteruskan"));
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        await factory.DisposeAsync("pimpinan", id, null, [aptika]);
        var mine = (await factory.OpenAsync("kabid.aptika", id)).Dispositions.Single(d => d.IsMine);

        await using var forwardScope = await factory.ScopeForAsync("kabid.aptika");
        await using var finishScope = await factory.ScopeForAsync("kabid.aptika");
        var results = await Task.WhenAll(
            Capture(() => forwardScope.ServiceProvider.GetRequiredService<DisposeLetter>().HandleAsync(id,
                new DispositionInput { ParentId = mine.Id, EmployeeIds = [pegawai], Instructions = ["Siapkan Jawaban"], Version = mine.Version })),
            Capture(() => finishScope.ServiceProvider.GetRequiredService<ReportFollowUp>().HandleAsync(mine.Id, mine.Version, "Sudah saya tangani sendiri.", null)));

        Assert.Single(results, r => r is null);
        Assert.IsType<ConcurrencyException>(results.Single(r => r is not null));
        var after = await factory.OpenAsync("pimpinan", id);
        var parent = after.Disposition(mine.Id);
        var children = after.Dispositions.Where(d => d.ParentId == mine.Id).ToList();
        // Exactly one of the two stories happened, completely.
        Assert.True((parent.Status == DispositionStatus.Selesai && children.Count == 0)
            || (parent.Status == DispositionStatus.Diproses && children.Count == 1 && parent.Report is null));
    }

    [Fact]
    public async Task ADispositionAlreadyReadCannotBeCancelled()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Batal setelah dibaca"));
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var ikp = await factory.EmployeeOfAsync("kabid.ikp");
        var ids = await factory.DisposeAsync("pimpinan", id, null, [aptika, ikp]);
        await factory.OpenAsync("kabid.aptika", id);
        var view = await factory.OpenAsync("pimpinan", id);
        var read = ids.Single(d => view.Disposition(d).To.Id == aptika);
        var unread = ids.Single(d => d != read);

        var error = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("pimpinan", sp => sp.GetRequiredService<CancelDisposition>().HandleAsync(read)));
        Assert.Equal("Disposisi yang sudah dibaca penerima tidak dapat dibatalkan.", error.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("kabid.ikp", sp => sp.GetRequiredService<CancelDisposition>().HandleAsync(unread)));
        await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<CancelDisposition>().HandleAsync(unread));

        var letter = await factory.OpenAsync("pimpinan", id);
        Assert.Equal(DispositionStatus.Dibatalkan, letter.Disposition(unread).Status);
        Assert.Contains(letter.Track, t => t.Kind == TrackKind.Cancelled);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.OpenAsync("kabid.ikp", id));
    }

    [Fact]
    public async Task BadDispositionInputGetsClearMessagesAndSavesNothing()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Disposisi yang salah isi"));
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var today = TestClock.Today;
        async Task<ValidationException> Refused(DispositionInput input) => await Assert.ThrowsAsync<ValidationException>(() =>
            factory.AsAsync("pimpinan", async sp =>
            {
                input.Version = (await sp.GetRequiredService<DispositionQueries>().GetFormAsync(id, null)).Version;
                return await sp.GetRequiredService<DisposeLetter>().HandleAsync(id, input);
            }));

        Assert.Equal("Pilih minimal satu instruksi.", (await Refused(new DispositionInput { EmployeeIds = [aptika] })).Message);
        Assert.Equal("Pilih minimal satu penerima disposisi.", (await Refused(new DispositionInput { Instructions = ["Tindak Lanjuti"] })).Message);
        Assert.Equal("Batas waktu tidak boleh sebelum hari ini.",
            (await Refused(new DispositionInput { EmployeeIds = [aptika], Instructions = ["Tindak Lanjuti"], Deadline = today.AddDays(-1) })).Message);
        Assert.Contains("Instruksi tidak dikenal", (await Refused(new DispositionInput { EmployeeIds = [aptika], Instructions = ["Bakar Saja"] })).Message);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Dispositions.AnyAsync(d => d.LetterId == id));
    }

    [Fact]
    public async Task FinishingWithoutAReportOrBeforeTheSubordinatesIsRefused()
    {
        var id = await factory.RegisterAsync(await factory.FormAsync("Laporan tidak boleh kosong"));
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        await factory.DisposeAsync("pimpinan", id, null, [aptika]);
        var mine = (await factory.OpenAsync("kabid.aptika", id)).Dispositions.Single(d => d.IsMine);
        var service = (IServiceProvider sp) => sp.GetRequiredService<ReportFollowUp>();

        var noReport = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("kabid.aptika", sp => service(sp).HandleAsync(mine.Id, mine.Version, "  ", null)));
        Assert.Equal("Laporan tindak lanjut wajib diisi sebelum disposisi diselesaikan.", noReport.Message);

        await factory.DisposeAsync("kabid.aptika", id, mine.Id, [pegawai]);
        mine = (await factory.OpenAsync("kabid.aptika", id)).Disposition(mine.Id);
        var early = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("kabid.aptika", sp => service(sp).HandleAsync(mine.Id, mine.Version, "Beres.", null)));
        Assert.Contains("disposisi lanjutan yang belum selesai", early.Message);

        var stranger = await Assert.ThrowsAsync<ForbiddenException>(() => factory.AsAsync("pimpinan", sp => service(sp).HandleAsync(mine.Id, mine.Version, "Beres.", null)));
        Assert.Equal("Disposisi ini tidak ditujukan kepada Anda.", stranger.Message);
        var badFile = await Assert.ThrowsAsync<ValidationException>(() => factory.AsAsync("kabid.aptika", sp =>
            service(sp).HandleAsync(mine.Id, mine.Version, "Beres.", new FileUpload("laporan.pdf", new MemoryStream([0x4D, 0x5A, 0, 0])))));
        Assert.Contains("disposisi lanjutan", badFile.Message);
    }

    [Fact]
    public async Task APassedDeadlineIsAnnouncedOnceEvenAcrossRestarts()
    {
        var (events, subscription) = factory.Listen();
        using var _ = subscription;
        var id = await factory.RegisterAsync(await factory.FormAsync("Batas waktu terlewati"));
        var aptika = await factory.EmployeeOfAsync("kabid.aptika");
        var dispositionId = (await factory.DisposeAsync("pimpinan", id, null, [aptika], deadline: TestClock.Today)).Single();
        await using (var db = factory.CreateDbContext())
        {
            await db.Dispositions.Where(d => d.Id == dispositionId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Deadline, d => d.Deadline!.Value.AddDays(-3)));
        }

        await factory.Services.GetRequiredService<IDeadlineScanner>().RunOnceAsync();
        await factory.Services.GetRequiredService<IDeadlineScanner>().RunOnceAsync();
        var restarted = ActivatorUtilities.CreateInstance<DeadlineScanner>(factory.Services);
        Assert.Equal(0, await restarted.RunOnceAsync());

        var kadis = await factory.EmployeeOfAsync("pimpinan");
        lock (events)
        {
            var announced = Assert.Single(events.OfType<DispositionDeadlinePassed>(), e => e.DispositionId == dispositionId);
            Assert.Contains(aptika, announced.RecipientEmployeeIds);
            Assert.Contains(kadis, announced.RecipientEmployeeIds);
        }
        var letter = await factory.OpenAsync("pimpinan", id);
        Assert.Equal(LetterState.Terlambat, letter.State);
        Assert.Single(letter.Track, t => t.Kind == TrackKind.DeadlinePassed);
    }

    private static async Task<Exception?> Capture(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
