using System.Diagnostics;
using Belu.Portal.Features.Letters;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Belu.Portal.Tests.Integration.Letters;

/// <summary>The demo portal plus 100,000 letters in the Diskominfo register, made in one SQL statement (the triggers fill the index).</summary>
public sealed class HundredThousandLettersFactory : PortalFactory
{
    public const int Extra = 100_000;

    public const string RareWord = "sasando";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _filled;

    public async Task FillAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_filled)
            {
                return;
            }
            var kadis = await this.EmployeeOfAsync("pimpinan");
            var clerk = await this.EmployeeOfAsync("agendaris");
            var unit = await this.UnitIdAsync("DISKOMINFO");
            await using var db = CreateDbContext();
            // Only numbers from this test go into the text: nothing to inject.
            var sql = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Extra})
                INSERT INTO IncomingLetters (Id, UnitId, AgendaYear, AgendaSequence, AgendaNumber, SenderNumber, LetterDate, ReceivedDate, Sender,
                    Subject, Summary, Security, Urgency, ClassificationCode, AddresseeId, RegisteredById, RegisteredAtUtc, SubmissionId, Progress,
                    OpenDeadline, Version)
                SELECT printf('%08X-0000-7000-8000-%012X', i, i), {unit}, 2020, i, printf('%04d/2020', i), 'X/' || i, '2020-01-02', '2020-01-03',
                    CASE i % 5 WHEN 0 THEN 'Kementerian Dalam Negeri' WHEN 1 THEN 'Bappeda Kabupaten Belu' WHEN 2 THEN 'BPS Kabupaten Belu'
                        WHEN 3 THEN 'Camat Raihat' ELSE 'Dinas Kesehatan' END,
                    'Perihal arsip ' || i || CASE i % 4 WHEN 0 THEN ' jaringan internet' WHEN 1 THEN ' undangan rapat' WHEN 2 THEN ' permohonan data' ELSE ' laporan bulanan' END
                        || CASE WHEN i % 1000 = 0 THEN ' {RareWord}' ELSE '' END,
                    'Ringkasan surat nomor ' || i, i % 3, i % 2, '000.1.2.3', {kadis}, {clerk}, '2020-01-03 01:00:00',
                    printf('%08X-0000-7000-9000-%012X', i, i), i % 3, CASE WHEN i % 3 = 1 THEN '2020-02-01' END,
                    printf('%08X-0000-4000-8000-%012X', i, i)
                FROM n;
                """;
            await db.Database.ExecuteSqlRawAsync(sql);
            _filled = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public class LetterSearchScaleTests(HundredThousandLettersFactory factory, ITestOutputHelper output) : IClassFixture<HundredThousandLettersFactory>
{
    private async Task<(T Result, long Ms)> TimeAsync<T>(Func<Task<T>> action)
    {
        await action();
        var watch = Stopwatch.StartNew();
        var result = await action();
        return (result, watch.ElapsedMilliseconds);
    }

    [Fact]
    public async Task SearchingAHundredThousandLettersStaysFast()
    {
        await factory.FillAsync();
        await using var scope = await factory.ScopeForAsync("pimpinan");
        var letters = scope.ServiceProvider.GetRequiredService<IncomingLetterService>();

        var (rare, rareMs) = await TimeAsync(() => letters.SearchAsync(new LetterQuery(Text: HundredThousandLettersFactory.RareWord)));
        Assert.Equal(HundredThousandLettersFactory.Extra / 1000, rare.Total);
        var (common, commonMs) = await TimeAsync(() => letters.SearchAsync(new LetterQuery(Text: "undangan rapat")));
        Assert.True(common.Total >= HundredThousandLettersFactory.Extra / 4);
        var (first, firstMs) = await TimeAsync(() => letters.SearchAsync(new LetterQuery()));
        Assert.Equal(25, first.Items.Count);
        var (page, pageMs) = await TimeAsync(() => letters.SearchAsync(new LetterQuery(Skip: 50_000, Take: 25)));
        Assert.True(page.Total > HundredThousandLettersFactory.Extra);
        Assert.Equal(25, page.Items.Count);
        var (late, lateMs) = await TimeAsync(() => letters.SearchAsync(new LetterQuery(Box: LetterBox.Terlambat)));
        Assert.True(late.Total >= HundredThousandLettersFactory.Extra / 3);

        output.WriteLine($"rare word: {rareMs} ms, common words: {commonMs} ms, first page of all: {firstMs} ms, page 2000 of all: {pageMs} ms, overdue box: {lateMs} ms");
        // Generous bounds for a shared two-core machine; typical figures are in the README.
        // The index answers a selective search in milliseconds; a scan of 100,000 rows with LIKE would not (bounds leave room for a busy machine).
        Assert.True(rareMs < 1000, $"a rare word took {rareMs} ms");
        Assert.True(commonMs < 3000, $"common words took {commonMs} ms");
        Assert.True(firstMs < 5000, $"the first page of the inbox took {firstMs} ms");
    }
}
