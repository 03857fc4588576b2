using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Belu.Portal.Tests.Integration.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>The outgoing register, on screen and in Excel, shows an electronic letter's drafting and signing times, its signer and where it went.</summary>
public class OutgoingRegisterTrailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ASignedLettersRowCarriesItsDraftingAndSigningTimesItsSignerAndItsDelivery()
    {
        await factory.EnrolAsync("pimpinan");
        var draft = await factory.AwaitingSignatureAsync("Permohonan data untuk agenda surat keluar");
        var signed = await factory.SignAsync("pimpinan", draft);
        await using var db = factory.CreateDbContext();
        var letter = await db.Set<SignedLetter>().AsNoTracking().SingleAsync(l => l.DraftId == draft.Id);
        var drafted = await db.ElectronicDrafts.AsNoTracking().Where(d => d.Id == draft.Id).Select(d => d.CreatedAtUtc).SingleAsync();
        var clock = factory.Services.GetRequiredService<OfficeClock>();

        // On screen: the internal addressee (Dinas Kesehatan) received it; the external one has no sending recorded yet.
        var page = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<OutgoingLetterService>()
            .SearchAsync(new OutgoingQuery(Text: null, From: signed.LetterDate, To: signed.LetterDate, Take: 200)));
        var row = Assert.Single(page.Items, r => r.Number == signed.Number);
        Assert.Equal(letter.SignedAtUtc, row.SignedAtUtc);
        Assert.Equal(draft.Signer.Name, row.SignerName);
        Assert.Equal("diterima 1 (dibaca 0)", row.Delivery);

        // In Excel: the same line with the drafting and signing instants in WITA.
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        using var book = await LetterWorkbooks.ReadAsync(
            await client.GetAsync(OutgoingRegisterReport.Link(new OutgoingQuery(From: signed.LetterDate, To: signed.LetterDate))), "outgoing");
        var ws = book.Worksheet(1);
        var r = Assert.Single(LetterWorkbooks.DataRows(ws), r => ws.Cell(r, 2).GetString() == signed.Number);
        Assert.Equal("Dikonsep (WITA)", HeaderOf(ws, 13));
        Assert.Equal(Minute(clock.ToLocal(drafted)), Minute(ws.Cell(r, 13).GetDateTime()));
        Assert.Equal("Ditandatangani (WITA)", HeaderOf(ws, 14));
        Assert.Equal(Minute(clock.ToLocal(letter.SignedAtUtc)), Minute(ws.Cell(r, 14).GetDateTime()));
        Assert.Equal("diterima 1 (dibaca 0)", ws.Cell(r, 15).GetString());
        Assert.Equal(draft.Signer.Name, ws.Cell(r, 9).GetString());
    }

    private static string HeaderOf(ClosedXML.Excel.IXLWorksheet ws, int column) =>
        ws.Cell(Belu.Portal.Features.Reports.Pipeline.SheetPlan.FirstDataRow - 1, column).GetString();

    private static DateTime Minute(DateTime at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0);
}
