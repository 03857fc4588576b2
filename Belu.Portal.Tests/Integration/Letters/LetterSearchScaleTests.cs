using Belu.Portal.Features.Letters;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

/// <summary>The demo portal plus thousands of letters in the Diskominfo register, made in one SQL statement (the triggers fill the index).</summary>
public class ManyLettersFactory : PortalFactory
{
    public const int Extra = 5_000;

    public const string RareWord = "sasando";

    /// <summary>Below the letters the Kepala Dinas sees here, so the full list stops counting and says "lebih dari".</summary>
    public const int CountLimit = 4_000;

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
            await db.Database.ExecuteSqlRawAsync(FillSql(unit, kadis, clerk));
            // Letters put in by SQL get their access set as the migration gives existing letters: the addressee, and the
            // unit for those that are not secret.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"LetterGrants\" (\"LetterId\", \"Kind\", \"PrincipalId\", \"Progress\", \"OpenDeadline\", \"SearchKey\") "
                + "SELECT \"Id\", 0, \"AddresseeId\", \"Progress\", \"OpenDeadline\", \"SearchKey\" FROM \"IncomingLetters\" WHERE \"AgendaYear\" = 2020 "
                + "UNION SELECT \"Id\", 1, \"UnitId\", \"Progress\", \"OpenDeadline\", \"SearchKey\" FROM \"IncomingLetters\" WHERE \"AgendaYear\" = 2020 AND \"Security\" < 2");
            _filled = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ManyLettersFactory()
        : this(PortalDatabase.Sqlite)
    {
    }

    protected ManyLettersFactory(PortalDatabase database)
        : base(new PortalSetup { Database = database })
    {
        WithSetting("Letters:ListCountLimit", CountLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One statement that inserts <see cref="Extra"/> letters; only numbers from this test go into the text, nothing to inject.</summary>
    protected virtual string FillSql(int unit, int kadis, int clerk)
    {
        return $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Extra})
                INSERT INTO IncomingLetters (Id, UnitId, AgendaYear, AgendaSequence, AgendaNumber, SenderNumber, LetterDate, ReceivedDate, Sender,
                    Subject, Summary, Security, Urgency, ClassificationCode, AddresseeId, RegisteredById, RegisteredAtUtc, SubmissionId, Progress,
                    OpenDeadline, Version)
                SELECT printf('%08X-0000-7000-8000-%012X', i, i), {unit}, 2020, i, printf('%04d/2020', i), 'X/' || i, '2020-01-02', '2020-01-03',
                    CASE i % 5 WHEN 0 THEN 'Kementerian Dalam Negeri' WHEN 1 THEN 'Bappeda Kabupaten Belu' WHEN 2 THEN 'BPS Kabupaten Belu'
                        WHEN 3 THEN 'Camat Raihat' ELSE 'Dinas Kesehatan' END,
                    'Perihal arsip ' || i || CASE i % 4 WHEN 0 THEN ' jaringan internet' WHEN 1 THEN ' undangan rapat' WHEN 2 THEN ' permohonan data' ELSE ' laporan bulanan' END
                        || CASE WHEN i % 100 = 0 THEN ' {RareWord}' ELSE '' END,
                    'Ringkasan surat nomor ' || i, i % 3, i % 2, '000.1.2.3', {kadis}, {clerk}, '2020-01-03 01:00:00',
                    printf('%08X-0000-7000-9000-%012X', i, i), i % 3, CASE WHEN i % 3 = 1 THEN '2020-02-01' END,
                    printf('%08X-0000-4000-8000-%012X', i, i)
                FROM n;
                """;
    }
}

/// <summary>
/// Search and paging over a register of thousands of letters, through the FTS5 index. How fast it is at 100,000
/// letters is measured by the benchmark (bench/, figures in docs/PERFORMANCE.md), never asserted here.
/// </summary>
public class LetterSearchScaleTests(ManyLettersFactory factory) : IClassFixture<ManyLettersFactory>
{
    [Fact]
    public async Task SearchAndPagingAnswerFromTheFullTextIndexOverThousandsOfLetters()
    {
        await factory.FillAsync();
        await using var scope = await factory.ScopeForAsync("pimpinan");

        var rare = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Text: ManyLettersFactory.RareWord));
        Assert.Equal(ManyLettersFactory.Extra / 100, rare.Total);
        Assert.False(rare.Capped);
        Assert.All(rare.Items, l => Assert.Contains(ManyLettersFactory.RareWord, l.Subject));
        var common = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Text: "undangan rapat"));
        Assert.True(common.Total >= ManyLettersFactory.Extra / 4);
        var first = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery());
        Assert.Equal(25, first.Items.Count);
        // More letters than the count limit: the list stops counting there and says so; the pages are still there.
        var page = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Skip: ManyLettersFactory.Extra / 2, Take: 25));
        Assert.True(page.Capped);
        Assert.Equal(ManyLettersFactory.CountLimit, page.Total);
        Assert.Equal(25, page.Items.Count);
        var beyond = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Skip: ManyLettersFactory.Extra, Take: 25));
        Assert.True(beyond.Capped);
        Assert.Equal(25, beyond.Items.Count);
        // Fewer than the limit are counted exactly (the rare word above: 50 of 50).
        var late = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Box: LetterBox.Terlambat));
        Assert.False(late.Capped);
        Assert.True(late.Total >= ManyLettersFactory.Extra / 3);

        // The triggers keep one index row per letter, so a search never falls back to scanning the table.
        await using var db = factory.CreateDbContext();
        var indexed = await db.Database.SqlQueryRaw<int>(db.Database.IsNpgsql()
            ? "SELECT COUNT(*)::int AS \"Value\" FROM \"IncomingLetters\" WHERE \"SearchVector\" IS NOT NULL"
            : "SELECT COUNT(*) AS Value FROM IncomingLetterSearch").SingleAsync();
        Assert.Equal(await db.IncomingLetters.CountAsync(), indexed);
    }

    [Fact]
    public async Task PagesAcrossTheEndOfTheOverdueLettersJoinWithoutGapsOrRepeats()
    {
        await factory.FillAsync();
        await using var scope = await factory.ScopeForAsync("pimpinan");
        var overdue = (await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(State: Belu.Portal.Features.Letters.Domain.LetterState.Terlambat, Take: 1))).Total;
        Assert.True(overdue > 10);

        var across = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Skip: overdue - 3, Take: 7));
        Assert.Equal(7, across.Items.Count);
        Assert.All(across.Items.Take(3), l => Assert.Equal(Belu.Portal.Features.Letters.Domain.LetterState.Terlambat, l.State));
        Assert.All(across.Items.Skip(3), l => Assert.NotEqual(Belu.Portal.Features.Letters.Domain.LetterState.Terlambat, l.State));
        // Smaller pages over the same stretch give the same letters in the same order: the last overdue ones, then the
        // newest of the rest, read from either side of the boundary.
        var before = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Skip: overdue - 3, Take: 3));
        var after = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Skip: overdue, Take: 4));
        Assert.Equal(across.Items.Select(l => l.Id), before.Items.Concat(after.Items).Select(l => l.Id));
        var later = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(Skip: overdue + 2, Take: 2));
        Assert.Equal(across.Items.Skip(5).Select(l => l.Id), later.Items.Select(l => l.Id));
        foreach (var part in new[] { across.Items.Take(3), across.Items.Skip(3) })
        {
            Assert.Equal(part.OrderByDescending(l => l.ReceivedDate).Select(l => l.Id), part.Select(l => l.Id));
        }
    }
    [Fact]
    public async Task ADeepPageReadFromTheAccessSetContinuesThePagesWalkedBeforeIt()
    {
        await factory.FillAsync();
        await using var scope = await factory.ScopeForAsync("pimpinan");
        var letters = scope.ServiceProvider.GetRequiredService<LetterQueries>();
        const int deep = LetterQueries.DeepSkip;

        // Walked up to the deep pages, read from the access set from there on: one order across the seam.
        var walked = await letters.SearchAsync(new LetterQuery(Skip: deep - 10, Take: 20));
        var fromTheSet = await letters.SearchAsync(new LetterQuery(Skip: deep, Take: 10));
        Assert.Equal(20, walked.Items.Count);
        Assert.Equal(walked.Items.Skip(10).Select(l => l.Id), fromTheSet.Items.Select(l => l.Id));
        var deeper = await letters.SearchAsync(new LetterQuery(Skip: deep + 5, Take: 10));
        Assert.Equal(fromTheSet.Items.Skip(5).Select(l => l.Id), deeper.Items.Take(5).Select(l => l.Id));
    }
}
