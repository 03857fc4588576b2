using Belu.Portal.Common;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Reports;

/// <summary>The letter registers and the disposition recap read back and compared with the lists and the database.</summary>
public class LetterExportTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly Today = FakeClock.StartDay;

    [Fact]
    public async Task TheIncomingRegisterHoldsTheLettersTheListShowsWithTheirDatesStatesAndDispositions()
    {
        var query = new LetterQuery(From: From, To: Today);
        var expected = await ListAsync("pimpinan", query);
        Assert.True(expected.Count >= 10, $"only {expected.Count} demo letters");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        var response = await client.GetAsync(IncomingRegisterReport.Link(query));
        using var book = await LetterWorkbooks.ReadAsync(response, IncomingRegisterReport.Link(query));
        Assert.Equal($"agenda-surat-masuk-{From:yyyy-MM-dd}-sd-{Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("Agenda Surat Masuk", ws.Cell("A2").GetString());
        Assert.Equal("Periode: 1 Januari 2026 s.d. 27 November 2026", ws.Cell("A4").GetString());
        string[] headers = ["No", "No. agenda", "Tanggal diterima", "Nomor surat", "Tanggal surat", "Asal surat", "Perihal", "Kode klasifikasi",
            "Sifat", "Urgensi", "Tujuan", "Status", "Batas waktu", "Didisposisikan kepada", "Tanggal selesai", "Unit"];
        Assert.Equal(headers, Enumerable.Range(1, headers.Length).Select(c => ws.Cell(SheetPlan.HeaderRow, c).GetString()));

        var rows = LetterWorkbooks.DataRows(ws);
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.Count, ws.Cell(SheetPlan.FirstDataRow + rows.Count, 7).GetDouble());
        var byAgenda = expected.ToDictionary(l => l.AgendaNumber);
        var facts = await DispositionFactsAsync(expected.Select(l => l.Id).ToList());
        var tz = factory.Services.GetRequiredService<OfficeClock>();
        var sawDone = false;
        foreach (var r in rows)
        {
            var letter = byAgenda[ws.Cell(r, 2).GetString()];
            Assert.Equal(XLDataType.DateTime, ws.Cell(r, 3).DataType);
            Assert.Equal(letter.ReceivedDate.ToDateTime(TimeOnly.MinValue), ws.Cell(r, 3).GetDateTime());
            Assert.Equal(letter.LetterDate.ToDateTime(TimeOnly.MinValue), ws.Cell(r, 5).GetDateTime());
            Assert.Equal(letter.SenderNumber, ws.Cell(r, 4).GetString());
            Assert.Equal(letter.Sender, ws.Cell(r, 6).GetString());
            Assert.Equal(letter.Subject, ws.Cell(r, 7).GetString());
            Assert.Equal(letter.Security.Label(), ws.Cell(r, 9).GetString());
            Assert.Equal(letter.AddresseeName, ws.Cell(r, 11).GetString());
            Assert.Equal(letter.State.Label(), ws.Cell(r, 12).GetString());
            var (recipients, finished) = facts[letter.Id];
            Assert.Equal(string.Join("; ", recipients), ws.Cell(r, 14).GetString());
            if (letter.State == LetterState.Selesai)
            {
                sawDone = true;
                Assert.Equal(DateOnly.FromDateTime(tz.ToLocal(finished!.Value)).ToDateTime(TimeOnly.MinValue), ws.Cell(r, 15).GetDateTime());
                Assert.True(ws.Cell(r, 13).IsEmpty());
            }
            else
            {
                Assert.True(ws.Cell(r, 15).IsEmpty());
                if (letter.OpenDeadline is DateOnly deadline)
                {
                    Assert.Equal(deadline.ToDateTime(TimeOnly.MinValue), ws.Cell(r, 13).GetDateTime());
                }
            }
        }
        Assert.True(sawDone, "the demo period holds a finished letter");
        var received = Enumerable.Range(0, rows.Count).Select(i => ws.Cell(rows[i], 3).GetDateTime()).ToList();
        Assert.Equal(received.Order(), received);
    }

    [Fact]
    public async Task TheRegisterKeepsThePageFiltersAndTheCallersScope()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        foreach (var state in Enum.GetValues<LetterState>())
        {
            var query = new LetterQuery(State: state, From: From, To: Today);
            var expected = await ListAsync("pimpinan", query);
            using var book = await LetterWorkbooks.ReadAsync(await client.GetAsync(IncomingRegisterReport.Link(query)), state.ToString());
            var ws = book.Worksheet(1);
            Assert.Equal(expected.Select(l => l.AgendaNumber).Order(StringComparer.Ordinal), LetterWorkbooks.DataRows(ws).Select(r => ws.Cell(r, 2).GetString()).Order(StringComparer.Ordinal));
        }

        var pegawai = factory.CreateBrowserLikeClient();
        await pegawai.SignInAsync("pegawai");
        var own = await ListAsync("pegawai", new LetterQuery(From: From, To: Today));
        using var mine = await LetterWorkbooks.ReadAsync(await pegawai.GetAsync(IncomingRegisterReport.Link(new LetterQuery(From: From, To: Today))), "pegawai");
        var sheet = mine.Worksheet(1);
        Assert.Equal(own.Select(l => l.AgendaNumber).Order(StringComparer.Ordinal), LetterWorkbooks.DataRows(sheet).Select(r => sheet.Cell(r, 2).GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheOutgoingRegisterHoldsTheRegisterTheListShows()
    {
        var query = new OutgoingQuery(From: From, To: Today);
        var expected = new List<OutgoingRow>();
        await using (var scope = await factory.ScopeForAsync("agendaris"))
        {
            var service = scope.ServiceProvider.GetRequiredService<OutgoingLetterService>();
            for (var skip = 0; ; skip += 200)
            {
                var page = await service.SearchAsync(query with { Skip = skip, Take = 200 });
                expected.AddRange(page.Items);
                if (expected.Count >= page.Total)
                {
                    break;
                }
            }
        }
        Assert.NotEmpty(expected);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("agendaris");
        using var book = await LetterWorkbooks.ReadAsync(await client.GetAsync(OutgoingRegisterReport.Link(query)), "outgoing");

        var ws = book.Worksheet(1);
        Assert.Equal("Agenda Surat Keluar", ws.Cell("A2").GetString());
        var rows = LetterWorkbooks.DataRows(ws);
        Assert.Equal(expected.Count, rows.Count);
        var byNumber = expected.ToDictionary(l => l.Number);
        foreach (var r in rows)
        {
            var letter = byNumber[ws.Cell(r, 2).GetString()];
            Assert.Equal(letter.LetterDate.ToDateTime(TimeOnly.MinValue), ws.Cell(r, 3).GetDateTime());
            Assert.Equal(letter.Subject, ws.Cell(r, 5).GetString());
            Assert.Equal(letter.SignerName, ws.Cell(r, 9).GetString());
            Assert.Equal(letter.SentDate is null ? "Belum dikirim" : "Sudah dikirim", ws.Cell(r, 10).GetString());
            if (letter.SentDate is DateOnly sent)
            {
                Assert.Equal(sent.ToDateTime(TimeOnly.MinValue), ws.Cell(r, 11).GetDateTime());
            }
        }
    }

    [Fact]
    public async Task TheDispositionRecapTotalsEqualTheDispositionsCountedInTheDatabase()
    {
        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var units = await db.Units.Where(u => u.Id == kominfo.Id || u.ParentId == kominfo.Id).Select(u => u.Id).ToListAsync();
        var start = new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).UtcDateTime;
        var end = new DateTimeOffset(Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).UtcDateTime;
        var all = await db.Dispositions.Where(d => units.Contains(d.ToUnitId) && d.Status != DispositionStatus.Dibatalkan).ToListAsync();
        var dispositions = all.Where(d => d.CreatedAtUtc >= start && d.CreatedAtUtc < end).ToList();
        Assert.NotEmpty(dispositions);
        bool Open(Disposition d) => d.Status != DispositionStatus.Selesai;
        var overdue = dispositions.Count(d => Open(d) && d.Deadline < Today);
        var finished = dispositions.Count(d => d.Status == DispositionStatus.Selesai);

        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        using var book = await LetterWorkbooks.ReadAsync(await client.GetAsync(DispositionRecapReport.Link(From, Today, null)), "recap");

        Assert.Equal(["Per unit", "Per pegawai"], book.Worksheets.Select(w => w.Name));
        foreach (var (ws, first) in new[] { (book.Worksheet(1), 3), (book.Worksheet(2), 5) })
        {
            Assert.Equal("Rekap Disposisi", ws.Cell("A2").GetString());
            Assert.Equal("Diterima", ws.Cell(SheetPlan.HeaderRow, first).GetString());
            var totals = SheetPlan.FirstDataRow + LetterWorkbooks.DataRows(ws).Count;
            Assert.Equal("Jumlah", ws.Cell(totals, 1).GetString());
            Assert.Equal(dispositions.Count, ws.Cell(totals, first).GetDouble());
            Assert.Equal(finished, ws.Cell(totals, first + 1).GetDouble());
            Assert.Equal(dispositions.Count - finished - overdue, ws.Cell(totals, first + 2).GetDouble());
            Assert.Equal(overdue, ws.Cell(totals, first + 3).GetDouble());
        }

        // The mean of one person, by hand: days from disposition to report, over their finished dispositions.
        var person = dispositions.Where(d => d.Status == DispositionStatus.Selesai).GroupBy(d => d.ToEmployeeId).First();
        var name = await db.Employees.Where(e => e.Id == person.Key).Select(e => e.Name).SingleAsync();
        var mean = Math.Round(person.Average(d => (d.FinishedAtUtc!.Value - d.CreatedAtUtc).TotalDays), 2, MidpointRounding.AwayFromZero);
        var perPerson = book.Worksheet(2);
        var row = LetterWorkbooks.DataRows(perPerson).Single(r => perPerson.Cell(r, 2).GetString() == name);
        Assert.Equal(mean, perPerson.Cell(row, 9).GetDouble(), 2);
        Assert.Equal(dispositions.Count(d => d.ToEmployeeId == person.Key), perPerson.Cell(row, 5).GetDouble());
    }

    [Fact]
    public async Task ALargeRegisterIsStreamedWithTheSameCells()
    {
        var query = new LetterQuery(From: From, To: Today);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        using var inMemory = await LetterWorkbooks.ReadAsync(await client.GetAsync(IncomingRegisterReport.Link(query)), "closedxml");

        await using var streamingPortal = factory.WithWebHostBuilder(b => b.UseSetting("Reports:StreamingThresholdCells", "3"));
        var streamingClient = streamingPortal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await streamingClient.SignInAsync("pimpinan");
        using var streamed = await LetterWorkbooks.ReadAsync(await streamingClient.GetAsync(IncomingRegisterReport.Link(query)), "streaming");

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.Action == ReportExporter.AuditAction && a.Subject == "agenda-surat-masuk")
            .OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("(streaming)", audit.Detail);
        var a = inMemory.Worksheet(1);
        var b = streamed.Worksheet(1);
        var last = SheetPlan.FirstDataRow + LetterWorkbooks.DataRows(a).Count;
        Assert.Equal(last, SheetPlan.FirstDataRow + LetterWorkbooks.DataRows(b).Count);
        for (var r = SheetPlan.HeaderRow; r <= last; r++)
        {
            for (var c = 1; c <= 16; c++)
            {
                Assert.Equal(a.Cell(r, c).Value, b.Cell(r, c).Value);
                Assert.Equal(a.Cell(r, c).DataType, b.Cell(r, c).DataType);
            }
        }
    }

    private async Task<List<LetterRow>> ListAsync(string user, LetterQuery query)
    {
        await using var scope = await factory.ScopeForAsync(user);
        var rows = new List<LetterRow>();
        for (var skip = 0; ; skip += 200)
        {
            var page = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(query with { Skip = skip, Take = 200 });
            rows.AddRange(page.Items);
            if (rows.Count >= page.Total || page.Items.Count == 0)
            {
                return rows;
            }
        }
    }

    /// <summary>Per letter: the names its addressee disposed it to, and when its last branch was finished.</summary>
    private async Task<Dictionary<Guid, (List<string> Recipients, DateTime? Finished)>> DispositionFactsAsync(List<Guid> letters)
    {
        await using var db = factory.CreateDbContext();
        var dispositions = await db.Dispositions.Where(d => letters.Contains(d.LetterId) && d.Status != DispositionStatus.Dibatalkan)
            .Select(d => new { d.LetterId, d.ParentId, d.CreatedAtUtc, d.Status, d.FinishedAtUtc, Person = d.ToEmployee!.Name, d.ToWholeUnit, Unit = d.Letter!.Unit!.Name, d.ToUnitId })
            .ToListAsync();
        var unitNames = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Name);
        return letters.ToDictionary(id => id, id =>
        {
            var mine = dispositions.Where(d => d.LetterId == id).ToList();
            return (mine.Where(d => d.ParentId == null).OrderBy(d => d.CreatedAtUtc).Select(d => d.ToWholeUnit ? unitNames[d.ToUnitId] : d.Person).ToList(),
                mine.Where(d => d.Status == DispositionStatus.Selesai).Max(d => d.FinishedAtUtc));
        });
    }
}
