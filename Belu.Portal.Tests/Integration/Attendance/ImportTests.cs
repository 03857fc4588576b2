using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

public class ImportTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task ALogWithBadLinesIsPreviewedThenImportedOnceWhateverTheRepeats()
    {
        var (first, firstNip) = await factory.StaffWithCleanRecordAsync("DUKCAPIL");
        var (second, secondNip) = await factory.StaffWithCleanRecordAsync("DISTANKP");
        var log = string.Join("\r\n",
            "No\tNama\tWaktu",
            $"{firstNip}\tPegawai Satu\t2026-11-26 07:25:10",
            $"{firstNip}\tPegawai Satu\t2026-11-26 16:02:00",
            $"{secondNip}\tPegawai Dua\t26/11/2026 07:41",
            "12345\tTidak Dikenal\t2026-11-26 07:30:00",
            $"{secondNip}\tPegawai Dua\tbesok",
            $"{secondNip}\tPegawai Dua\t2027-01-01 07:30:00",
            "");
        await using var scope = await factory.ScopeForAsync("admin");

        var (preview, lines) = await scope.ServiceProvider.GetRequiredService<ImportPunchLog>().PreviewImportAsync(log);
        Assert.Equal(3, preview.Accepted);
        Assert.Equal(3, preview.Rejected);
        Assert.Empty(await factory.PunchesOfAsync(first));
        Assert.Equal(3, lines.Count(l => l.Status == PreviewStatus.Siap));
        Assert.Contains(lines, l => l.Line == 5 && l.Reason!.Contains("tidak dikenal"));
        Assert.Contains(lines, l => l.Line == 6 && l.Reason!.Contains("besok"));
        Assert.Contains(lines, l => l.Line == 7 && l.Reason!.Contains("masa depan"));

        var (imported, _) = await scope.ServiceProvider.GetRequiredService<ImportPunchLog>().ImportAsync(log, "attlog.txt");
        Assert.Equal(3, imported.Accepted);
        Assert.Equal(2, (await factory.PunchesOfAsync(first)).Count);
        Assert.All(await factory.PunchesOfAsync(first), p => Assert.Equal(PunchSource.Import, p.Source));
        Assert.Contains(await factory.PunchesOfAsync(second), p => p.AtUtc == new DateTime(2026, 11, 25, 23, 41, 0, DateTimeKind.Utc));

        var (again, _) = await scope.ServiceProvider.GetRequiredService<ImportPunchLog>().ImportAsync(log, "attlog.txt");
        Assert.Equal(0, again.Accepted);
        Assert.Equal(3, again.Duplicated);
        Assert.Equal(2, (await factory.PunchesOfAsync(first)).Count);
    }

    [Fact]
    public async Task TheDuplicateWindowReachesAcrossMidnightWithinABatchAndAcrossBatches()
    {
        // The duplicate check reads the stored punches of a batch's days widened by the window (60 s): a punch just
        // after midnight is a repeat of one just before it, stored earlier or in the same batch.
        var (first, firstNip) = await factory.StaffWithCleanRecordAsync("DUKCAPIL", skip: 1);
        var (second, secondNip) = await factory.StaffWithCleanRecordAsync("DISTANKP", skip: 1);
        var (third, thirdNip) = await factory.StaffWithCleanRecordAsync("DINKES", skip: 1);
        await using var scope = await factory.ScopeForAsync("admin");

        var (before, _) = await scope.ServiceProvider.GetRequiredService<ImportPunchLog>().ImportAsync($"{firstNip}\t2026-11-24 23:59:40\r\n", "malam.txt");
        Assert.Equal(1, before.Accepted);

        var log = string.Join("\r\n",
            $"{firstNip}\t2026-11-25 00:00:20",
            $"{firstNip}\t2026-11-25 00:01:30",
            $"{secondNip}\t2026-11-25 00:00:20",
            $"{thirdNip}\t2026-11-24 23:59:50",
            $"{thirdNip}\t2026-11-25 00:00:30",
            "");
        var (after, lines) = await scope.ServiceProvider.GetRequiredService<ImportPunchLog>().ImportAsync(log, "pagi.txt");
        Assert.Equal(3, after.Accepted);
        Assert.Equal(2, after.Duplicated);
        Assert.Equal(PreviewStatus.Duplikat, lines.Single(l => l.Line == 1).Status);
        Assert.Equal(PreviewStatus.Duplikat, lines.Single(l => l.Line == 5).Status);

        Assert.Equal([new DateTime(2026, 11, 24, 15, 59, 40, DateTimeKind.Utc), new DateTime(2026, 11, 24, 16, 1, 30, DateTimeKind.Utc)],
            (await factory.PunchesOfAsync(first)).Select(p => p.AtUtc));
        Assert.Single(await factory.PunchesOfAsync(second));
        Assert.Equal([new DateTime(2026, 11, 24, 15, 59, 50, DateTimeKind.Utc)], (await factory.PunchesOfAsync(third)).Select(p => p.AtUtc));
    }

    [Fact]
    public async Task OnlyAnAdminImports()
    {
        await using var scope = await factory.ScopeForAsync("pimpinan");
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<ImportPunchLog>().PreviewImportAsync("1\t2026-11-26 07:00:00"));
    }
}
