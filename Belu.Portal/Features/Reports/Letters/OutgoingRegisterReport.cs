using System.Runtime.CompilerServices;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.ElectronicLetters.Delivery;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Reports.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Reports.Letters;

/// <summary>The outgoing list's filters, from the query string (the names of <see cref="OutgoingQuery"/>).</summary>
public sealed record OutgoingRegisterRequest(string? Q, DateOnly? From, DateOnly? To, bool? Sent);

/// <summary>One line of the outgoing register.</summary>
public sealed record OutgoingRegisterLine(
    string Number, DateOnly LetterDate, string ClassificationCode, string Subject, SecurityClass Security,
    string Addressees, string? Copies, string Signer, DateOnly? SentDate, string Unit,
    DateTime? DraftedAtUtc = null, DateTime? SignedAtUtc = null, string? Delivery = null);

/// <summary>
/// "Agenda Surat Keluar": the outgoing register with the list's filters and the caller's scope, one row per letter,
/// read from the database as the workbook is written.
/// </summary>
public sealed class OutgoingRegisterReport(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    OfficeClock clock) : IReport<OutgoingRegisterRequest>
{
    public const string Path = "/laporan/agenda-surat-keluar.xlsx";

    /// <summary>Sent letters green, those still waiting amber, as the list shows them.</summary>
    public static readonly IReadOnlyDictionary<string, string> SentFills = new Dictionary<string, string>
    {
        ["Sudah dikirim"] = "C6EFCE",
        ["Belum dikirim"] = "FFF2CC",
    };

    public static readonly SheetLayout<OutgoingRegisterLine> Layout = new SheetLayout<OutgoingRegisterLine>()
        .RowNumber()
        .Text("Nomor surat", 28, l => l.Number)
        .Date("Tanggal surat", 12, l => l.LetterDate)
        .Text("Kode klasifikasi", 12, l => l.ClassificationCode)
        .Text("Perihal", 45, l => l.Subject, ColumnTotal.Count)
        .Text("Sifat", 13, l => l.Security.Label())
        .Text("Tujuan", 40, l => l.Addressees)
        .Text("Tembusan", 30, l => l.Copies)
        .Text("Penanda tangan", 28, l => l.Signer)
        .Code("Pengiriman", 15, l => l.SentDate is null ? "Belum dikirim" : "Sudah dikirim", SentFills)
        .Date("Tanggal kirim", 12, l => l.SentDate)
        .Text("Unit", 30, l => l.Unit)
        .DateTime("Dikonsep (WITA)", 17, l => l.DraftedAtUtc)
        .DateTime("Ditandatangani (WITA)", 17, l => l.SignedAtUtc)
        .Text("Penerimaan", 30, l => l.Delivery)
        .WithTotals("Jumlah surat");

    public string Key => "agenda-surat-keluar";

    public static string Link(OutgoingQuery query) => ReportLink.Build(Path,
        ("q", query.Text), ("from", ReportLink.Date(query.From)), ("to", ReportLink.Date(query.To)),
        ("sent", query.Sent is bool s ? (s ? "true" : "false") : null));

    public async Task<ReportDocument> BuildAsync(OutgoingRegisterRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var today = clock.Today;
        var period = LetterReportScope.Period(request.From, request.To, today);
        var query = new OutgoingQuery(request.Q, period.From, period.To, request.Sent);
        var count = await OutgoingLetterService.Filter(db, dir, query).CountAsync(ct);
        var unit = dir.Viewer.AgendaUnitId ?? (dir.Viewer.LedUnits.Count > 0 ? dir.MeRow.UnitId : (int?)null);

        var filters = new List<string> { $"tanggal {period.From:yyyy-MM-dd} s.d. {period.To:yyyy-MM-dd}" };
        if (request.Sent is bool sent)
        {
            filters.Add(sent ? "sudah dikirim" : "belum dikirim");
        }
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            filters.Add($"teks: '{request.Q.Trim()}'");
        }
        return new ReportDocument
        {
            Title = "Agenda Surat Keluar",
            PeriodLabel = period.Label,
            FileName = ReportFileName.Create(Key, LetterReportScope.FileScope(dir, unit), ReportFileName.PeriodOf(period.From, period.To)),
            Sheets = [new ReportSheet<OutgoingRegisterLine>("Surat Keluar", LetterReportScope.UnitLabel(dir, unit), Layout, RowsAsync(dir, query, ct), count)],
            Filters = string.Join("; ", filters),
        };
    }

    private async IAsyncEnumerable<OutgoingRegisterLine> RowsAsync(LetterDirectory dir, OutgoingQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letters = OutgoingLetterService.Filter(db, dir, query)
            .OrderBy(l => l.LetterDate).ThenBy(l => l.UnitId).ThenBy(l => l.Year).ThenBy(l => l.Sequence);
        await foreach (var t in RegisterTrail.Of(db, letters).AsAsyncEnumerable().WithCancellation(ct))
        {
            var l = t.Letter;
            yield return new OutgoingRegisterLine(l.Number, l.LetterDate, l.ClassificationCode, l.Subject, l.Security,
                Lines(l.Addressees)!, Lines(l.Copies), t.SignerLabel ?? dir.NameOf(l.SignerId), l.SentDate, dir.UnitName(l.UnitId),
                t.DraftedAtUtc, t.SignedAtUtc, t.Delivery);
        }
    }

    /// <summary>One addressee per line in the form, joined into one cell.</summary>
    private static string? Lines(string? text) => text is null ? null
        : string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
