using System.Runtime.CompilerServices;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Reports.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Reports.Letters;

/// <summary>The incoming list's filters, from the query string (the names of <see cref="LetterQuery"/>).</summary>
public sealed record IncomingRegisterRequest(
    LetterBox? Box, string? Q, LetterState? State, SecurityClass? Security, Urgency? Urgency,
    DateOnly? From, DateOnly? To, string? Sender, int? Unit, DateOnly? DeadlineBefore);

/// <summary>One line of the agenda book.</summary>
public sealed record IncomingRegisterLine(
    string AgendaNumber, DateOnly ReceivedDate, string SenderNumber, DateOnly LetterDate, string Sender, string Subject,
    string ClassificationCode, SecurityClass Security, Urgency Urgency, string Addressee, LetterState State,
    DateOnly? OpenDeadline, string DisposedTo, DateOnly? FinishedDate, string Unit);

/// <summary>
/// "Agenda Surat Masuk": the letters of the incoming list, with the page's filters and the caller's scope, one row
/// each, read from the database as the workbook is written (a year of a busy register never sits in memory).
/// </summary>
public sealed class IncomingRegisterReport(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    OfficeClock clock,
    IOptions<ReportOptions> options) : IReport<IncomingRegisterRequest>
{
    public const string Path = "/laporan/agenda-surat-masuk.xlsx";

    /// <summary>State colours as the list's chips: info blue, warning amber, success green, error red.</summary>
    public static readonly IReadOnlyDictionary<string, string> StateFills = new Dictionary<string, string>
    {
        [LetterState.BelumDidisposisi.Label()] = "DDEBF7",
        [LetterState.DalamProses.Label()] = "FFF2CC",
        [LetterState.Selesai.Label()] = "C6EFCE",
        [LetterState.Terlambat.Label()] = "F8CBAD",
    };

    public static readonly SheetLayout<IncomingRegisterLine> Layout = new SheetLayout<IncomingRegisterLine>()
        .RowNumber()
        .Text("No. agenda", 16, l => l.AgendaNumber)
        .Date("Tanggal diterima", 12, l => l.ReceivedDate)
        .Text("Nomor surat", 24, l => l.SenderNumber)
        .Date("Tanggal surat", 12, l => l.LetterDate)
        .Text("Asal surat", 30, l => l.Sender)
        .Text("Perihal", 45, l => l.Subject, ColumnTotal.Count)
        .Text("Kode klasifikasi", 12, l => l.ClassificationCode)
        .Text("Sifat", 13, l => l.Security.Label())
        .Text("Urgensi", 13, l => l.Urgency.Label())
        .Text("Tujuan", 28, l => l.Addressee)
        .Code("Status", 17, l => l.State.Label(), StateFills)
        .Date("Batas waktu", 12, l => l.OpenDeadline)
        .Text("Didisposisikan kepada", 40, l => l.DisposedTo)
        .Date("Tanggal selesai", 12, l => l.FinishedDate)
        .Text("Unit", 30, l => l.Unit)
        .WithTotals("Jumlah surat");

    public string Key => "agenda-surat-masuk";

    /// <summary>The download link for the list's current filters.</summary>
    public static string Link(LetterQuery query) => ReportLink.Build(Path,
        ("box", query.Box == LetterBox.Semua ? null : query.Box.ToString()),
        ("q", query.Text), ("state", query.State?.ToString()), ("security", query.Security?.ToString()),
        ("urgency", query.Urgency?.ToString()), ("from", ReportLink.Date(query.From)), ("to", ReportLink.Date(query.To)),
        ("sender", query.Sender), ("unit", query.UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("deadlineBefore", ReportLink.Date(query.DeadlineBefore)));

    public Task<ReportDocument> BuildAsync(IncomingRegisterRequest request, CancellationToken ct) =>
        BuildAsync(request, LetterReportScope.MaxDays, ct);

    /// <summary>
    /// The same book with another limit on the period: the portal always passes <see cref="LetterReportScope.MaxDays"/>;
    /// the benchmark measures the whole archive (ten years, a million rows) through the same rows and writer.
    /// </summary>
    internal async Task<ReportDocument> BuildAsync(IncomingRegisterRequest request, int maxDays, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        LetterReportScope.RequireUnit(dir, currentUser, request.Unit);
        var today = clock.Today;
        var period = LetterReportScope.Period(request.From, request.To, today, maxDays);
        var query = new LetterQuery(request.Box ?? LetterBox.Semua, request.Q, request.State, request.Security, request.Urgency,
            period.From, period.To, request.Sender, request.Unit, request.DeadlineBefore);
        // Counted only as far as choosing the writer needs: the rows stream from the first byte, and the sheet's total
        // counts every row written (the exact count of a regency's year probed each letter before anything was sent).
        var limit = CountLimit(options.Value);
        var count = await LetterListFilters.Filter(db, dir, query, today).Take(limit + 1).CountAsync(ct);

        return new ReportDocument
        {
            Title = "Agenda Surat Masuk",
            PeriodLabel = period.Label,
            FileName = ReportFileName.Create(Key, LetterReportScope.FileScope(dir, request.Unit), ReportFileName.PeriodOf(period.From, period.To)),
            Sheets = [new ReportSheet<IncomingRegisterLine>("Surat Masuk", LetterReportScope.UnitLabel(dir, request.Unit), Layout, RowsAsync(dir, query, today, ct), count)
            {
                RowCountIsLowerBound = count > limit,
            }],
            Filters = Describe(dir, query),
        };
    }

    /// <summary>Rows counted before the first byte: the setting, but never fewer than the streaming writer's threshold needs.</summary>
    internal static int CountLimit(ReportOptions options) =>
        Math.Max(options.CountLimitRows, options.StreamingThresholdCells / Layout.Columns.Count + 1);

    /// <summary>Letters read per batch of dispositions: big enough to keep round trips few, small enough for an IN list.</summary>
    internal const int BatchSize = 500;

    private async IAsyncEnumerable<IncomingRegisterLine> RowsAsync(LetterDirectory dir, LetterQuery query, DateOnly today, [EnumeratorCancellation] CancellationToken ct)
    {
        // The letters stream in agenda order as plain rows; their dispositions are read per batch of ids from a second
        // context. (Projecting the dispositions as a collection in the same query makes one joined, ordered query that
        // SQLite cannot run incrementally over a year of a busy register.)
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var side = await dbFactory.CreateDbContextAsync(ct);
        var letters = LetterListFilters.Filter(db, dir, query, today)
            .OrderBy(l => l.ReceivedDate).ThenBy(l => l.UnitId).ThenBy(l => l.AgendaYear).ThenBy(l => l.AgendaSequence)
            .Select(l => new RegisterLetter(
                l.Id, l.AgendaNumber, l.ReceivedDate, l.SenderNumber, l.LetterDate, l.Sender, l.Subject, l.ClassificationCode,
                l.Security, l.Urgency, l.AddresseeId, l.Progress, l.OpenDeadline, l.UnitId))
            .AsAsyncEnumerable();
        var batch = new List<RegisterLetter>(BatchSize);
        await foreach (var letter in letters.WithCancellation(ct))
        {
            batch.Add(letter);
            if (batch.Count == BatchSize)
            {
                foreach (var line in await LinesAsync(side, dir, batch, today, ct))
                {
                    yield return line;
                }
                batch.Clear();
            }
        }
        foreach (var line in await LinesAsync(side, dir, batch, today, ct))
        {
            yield return line;
        }
    }

    private sealed record RegisterLetter(
        Guid Id, string AgendaNumber, DateOnly ReceivedDate, string SenderNumber, DateOnly LetterDate, string Sender, string Subject,
        string ClassificationCode, SecurityClass Security, Urgency Urgency, int AddresseeId, LetterState Progress,
        DateOnly? OpenDeadline, int UnitId);

    private async Task<List<IncomingRegisterLine>> LinesAsync(
        PortalDbContext db, LetterDirectory dir, List<RegisterLetter> batch, DateOnly today, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        var ids = batch.Select(l => l.Id).ToList();
        var dispositions = (await db.Dispositions.AsNoTracking()
            .Where(d => ids.Contains(d.LetterId) && d.Status != DispositionStatus.Dibatalkan)
            .Select(d => new { d.LetterId, d.ParentId, d.Status, d.FinishedAtUtc, d.CreatedAtUtc, d.ToEmployeeId, d.ToUnitId, d.ToWholeUnit })
            .ToListAsync(ct))
            .ToLookup(d => d.LetterId);
        var lines = new List<IncomingRegisterLine>(batch.Count);
        foreach (var l in batch)
        {
            var tree = dispositions[l.Id];
            var state = LetterStateRules.FromSummary(new(l.Progress, l.OpenDeadline), today);
            // The addressee's own dispositions: the first branching of the tree, as the agenda book records it.
            var disposedTo = string.Join("; ", tree.Where(d => d.ParentId == null).OrderBy(d => d.CreatedAtUtc)
                .Select(r => r.ToWholeUnit ? dir.UnitName(r.ToUnitId) : dir.NameOf(r.ToEmployeeId)));
            var finished = l.Progress == LetterState.Selesai
                ? tree.Where(d => d.Status == DispositionStatus.Selesai).Max(d => d.FinishedAtUtc)
                : null;
            lines.Add(new IncomingRegisterLine(
                l.AgendaNumber, l.ReceivedDate, l.SenderNumber, l.LetterDate, l.Sender, l.Subject, l.ClassificationCode,
                l.Security, l.Urgency, dir.NameOf(l.AddresseeId), state,
                state == LetterState.Selesai ? null : l.OpenDeadline, disposedTo,
                finished is DateTime f ? DateOnly.FromDateTime(clock.ToLocal(f)) : null, dir.UnitName(l.UnitId)));
        }
        return lines;
    }

    private static string Describe(LetterDirectory dir, LetterQuery q)
    {
        var parts = new List<string>
        {
            q.UnitId is int u ? $"unit: {dir.Tree[u].Code} (dengan sub-unit)" : "unit: semua dalam lingkup",
            $"diterima {q.From:yyyy-MM-dd} s.d. {q.To:yyyy-MM-dd}",
        };
        if (q.Box != LetterBox.Semua)
        {
            parts.Add($"kotak: {q.Box}");
        }
        if (q.State is LetterState s)
        {
            parts.Add($"status: {s.Label()}");
        }
        if (q.Security is SecurityClass sec)
        {
            parts.Add($"sifat: {sec.Label()}");
        }
        if (q.Urgency is Urgency urg)
        {
            parts.Add($"urgensi: {urg.Label()}");
        }
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            parts.Add($"teks: '{q.Text.Trim()}'");
        }
        if (!string.IsNullOrWhiteSpace(q.Sender))
        {
            parts.Add($"pengirim: '{q.Sender.Trim()}'");
        }
        if (q.DeadlineBefore is DateOnly d)
        {
            parts.Add($"batas waktu s.d. {d:yyyy-MM-dd}");
        }
        return string.Join("; ", parts);
    }
}
