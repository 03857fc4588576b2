using System.Text.Json;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Reports;

/// <summary>The pipeline as another feature uses it: a report of its own with a period limit, run through the exporter.</summary>
public class ReportPipelineTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public sealed record PeriodRequest(DateOnly From, DateOnly To);

    /// <summary>A register that allows at most a year per download, as a letter register would.</summary>
    private sealed class YearlyRegister : IReport<PeriodRequest>
    {
        public bool Queried { get; private set; }

        public string Key => "uji-register";

        public Task<ReportDocument> BuildAsync(PeriodRequest request, CancellationToken ct)
        {
            var period = ReportPeriod.Create(request.From, request.To, maxDays: 366);
            Queried = true;
            var layout = new SheetLayout<DateOnly>().RowNumber().Date("Tanggal", 12, d => d);
            return Task.FromResult(new ReportDocument
            {
                Title = "Register Uji",
                PeriodLabel = period.Label,
                FileName = ReportFileName.Create(Key, null, request.To),
                Sheets = [new ReportSheet<DateOnly>("Register", "Dinas Komunikasi dan Informatika", layout, [request.From, request.To])],
            });
        }
    }

    [Fact]
    public async Task ATenYearPeriodIsRefusedWithTheReportsLimitBeforeAnythingIsRead()
    {
        var report = new YearlyRegister();
        var (status, body) = await ExportAsync(report, new(new DateOnly(2016, 1, 1), new DateOnly(2025, 12, 31)));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        Assert.Equal("Periode laporan terlalu panjang (3653 hari). Paling lama 366 hari per unduhan; bagi menjadi beberapa periode.", detail);
        Assert.False(report.Queried);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Subject == "uji-register" && a.Detail!.Contains("2025-12-31")));
    }

    [Fact]
    public async Task AYearIsAcceptedAndTheTitleBlockShowsThePeriod()
    {
        var (status, body) = await ExportAsync(new YearlyRegister(), new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));

        Assert.Equal(StatusCodes.Status200OK, status);
        using var book = new XLWorkbook(new MemoryStream(body));
        var ws = book.Worksheet("Register");
        Assert.Equal("Periode: 1 Januari 2026 s.d. 31 Desember 2026", ws.Cell("A4").GetString());
        Assert.Equal(new DateTime(2026, 12, 31), ws.Cell(SheetPlan.FirstDataRow + 1, 2).GetDateTime());
        await using var db = factory.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Subject == "uji-register" && a.Detail!.Contains("2026-12-31"));
        Assert.Equal("admin", entry.UserName);
        Assert.Equal(ReportExporter.AuditAction, entry.Action);
    }

    private async Task<(int Status, byte[] Body)> ExportAsync(YearlyRegister report, PeriodRequest request)
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var exporter = scope.ServiceProvider.GetRequiredService<ReportExporter>();
        var result = await exporter.ExportAsync(report, request, CancellationToken.None);
        var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, body.ToArray());
    }
}
