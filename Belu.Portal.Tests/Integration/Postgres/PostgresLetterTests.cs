using Belu.Portal.Data.Postgres;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Tests.Integration.Postgres;

// E-Surat on PostgreSQL: the same test classes as on SQLite, each over a database of its own on the shared cluster.

[Trait("Category", "Postgres")]
public class PostgresLetterJourneyTests(PostgresPortalFactory factory) : LetterJourneyTests(factory), IClassFixture<PostgresPortalFactory>
{
    [Fact]
    public async Task TheseTestsRunOnPostgreSql()
    {
        await using var db = factory.CreateDbContext();
        Assert.True(db.Database.IsNpgsql());
        Assert.IsType<PostgresPortalDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

[Trait("Category", "Postgres")]
public class PostgresLetterRegistersTests(PostgresPortalFactory factory) : LetterRegistersTests(factory), IClassFixture<PostgresPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresLetterScopeTests(PostgresPortalFactory factory) : LetterScopeTests(factory), IClassFixture<PostgresPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresDispositionConcurrencyTests(PostgresPortalFactory factory) : DispositionConcurrencyTests(factory), IClassFixture<PostgresPortalFactory>;

/// <summary>Thousands of letters on PostgreSQL, for the search over the tsvector index.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresManyLettersFactory() : ManyLettersFactory(PortalDatabase.Postgres)
{
    protected override string FillSql(int unit, int kadis, int clerk) => $"""
        INSERT INTO "IncomingLetters" ("Id", "UnitId", "AgendaYear", "AgendaSequence", "AgendaNumber", "SenderNumber", "LetterDate", "ReceivedDate",
            "Sender", "Subject", "Summary", "Security", "Urgency", "ClassificationCode", "AddresseeId", "RegisteredById", "RegisteredAtUtc",
            "SubmissionId", "Progress", "OpenDeadline", "Version")
        SELECT (lpad(to_hex(i), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, {unit}, 2020, i, lpad(i::text, 4, '0') || '/2020',
            'X/' || i, DATE '2020-01-02', DATE '2020-01-03',
            CASE i % 5 WHEN 0 THEN 'Kementerian Dalam Negeri' WHEN 1 THEN 'Bappeda Kabupaten Belu' WHEN 2 THEN 'BPS Kabupaten Belu'
                WHEN 3 THEN 'Camat Raihat' ELSE 'Dinas Kesehatan' END,
            'Perihal arsip ' || i || CASE i % 4 WHEN 0 THEN ' jaringan internet' WHEN 1 THEN ' undangan rapat' WHEN 2 THEN ' permohonan data' ELSE ' laporan bulanan' END
                || CASE WHEN i % 100 = 0 THEN ' {RareWord}' ELSE '' END,
            'Ringkasan surat nomor ' || i, i % 3, i % 2, '000.1.2.3', {kadis}, {clerk}, TIMESTAMPTZ '2020-01-03 01:00:00+00',
            (lpad(to_hex(i), 8, '0') || '-0000-7000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, i % 3,
            CASE WHEN i % 3 = 1 THEN DATE '2020-02-01' END,
            (lpad(to_hex(i), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid
        FROM generate_series(1, {Extra}) AS i;
        """;
}

[Trait("Category", "Postgres")]
public class PostgresLetterSearchScaleTests(PostgresManyLettersFactory factory) : LetterSearchScaleTests(factory), IClassFixture<PostgresManyLettersFactory>;
