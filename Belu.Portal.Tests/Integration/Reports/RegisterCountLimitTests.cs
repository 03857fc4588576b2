using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Reports;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Tests.Integration.Reports;

/// <summary>
/// A large register is counted before its first byte only as far as choosing the writer needs; the workbook still holds
/// and totals every letter, and the audit says the count is a lower bound.
/// </summary>
public class RegisterCountLimitTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly LetterQuery Year = new(From: new DateOnly(2026, 1, 1), To: FakeClock.StartDay);

    [Fact]
    public async Task ARegisterAboveTheCountLimitHoldsAndTotalsEveryLetterAndTheAuditSaysAtLeast()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        using var exact = await LetterWorkbooks.ReadAsync(await client.GetAsync(IncomingRegisterReport.Link(Year)), "exact");
        var rows = LetterWorkbooks.DataRows(exact.Worksheet(1)).Count;
        Assert.True(rows > 4, $"only {rows} demo letters");
        Assert.Contains($", {rows} baris;", (await LastAuditAsync()).Detail);

        await using var limited = factory.WithWebHostBuilder(b => b
            .UseSetting("Reports:StreamingThresholdCells", "3")
            .UseSetting("Reports:CountLimitRows", "3"));
        var limitedClient = limited.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await limitedClient.SignInAsync("pimpinan");
        using var streamed = await LetterWorkbooks.ReadAsync(await limitedClient.GetAsync(IncomingRegisterReport.Link(Year)), "limited");

        var audit = (await LastAuditAsync()).Detail;
        Assert.Contains(", paling sedikit 4 baris;", audit);
        Assert.Contains("(streaming)", audit);
        var sheet = streamed.Worksheet(1);
        Assert.Equal(rows, LetterWorkbooks.DataRows(sheet).Count);
        Assert.Equal(rows, sheet.Cell(SheetPlan.FirstDataRow + rows, 7).GetDouble());
        for (var r = SheetPlan.FirstDataRow; r < SheetPlan.FirstDataRow + rows; r++)
        {
            Assert.Equal(exact.Worksheet(1).Cell(r, 2).GetString(), sheet.Cell(r, 2).GetString());
        }
    }

    [Theory]
    [InlineData(10_000, 50_000, 10_000)]
    [InlineData(1, 50_000, 3_126)]
    [InlineData(3, 3, 3)]
    public void TheLimitNeverFallsBelowWhatChoosingTheStreamingWriterNeeds(int limit, int thresholdCells, int expected)
    {
        var options = new ReportOptions { CountLimitRows = limit, StreamingThresholdCells = thresholdCells };
        Assert.Equal(expected, IncomingRegisterReport.CountLimit(options));
        // One row past the limit always makes more cells than the threshold: a big register is never built in memory.
        Assert.True((long)(expected + 1) * IncomingRegisterReport.Layout.Columns.Count > thresholdCells);
    }

    private async Task<Features.Audit.AuditEntry> LastAuditAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.Where(a => a.Action == ReportExporter.AuditAction && a.Subject == "agenda-surat-masuk")
            .OrderByDescending(a => a.Id).FirstAsync();
    }
}
