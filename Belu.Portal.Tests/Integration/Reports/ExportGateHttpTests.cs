using System.Net;
using System.Net.Http.Json;
using Belu.Portal.Features.Reports.EmployeeList;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Reports;

/// <summary>A portal with one export slot, a queue of one, and streaming from ten rows on.</summary>
public sealed class NarrowExportPortalFactory : PortalFactory
{
    public NarrowExportPortalFactory()
    {
        WithSetting("Reports:MaxConcurrentExports", "1");
        WithSetting("Reports:QueueLimit", "1");
        WithSetting("Reports:QueueTimeoutSeconds", "60");
        WithSetting("Reports:StreamingThresholdCells", "10");
    }
}

public class ExportGateHttpTests(NarrowExportPortalFactory factory) : IClassFixture<NarrowExportPortalFactory>
{
    [Fact]
    public async Task WhenEverySlotIsTakenOneExportWaitsAndTheNextIsRefusedPolitely()
    {
        var gate = factory.Services.GetRequiredService<ExportGate>();
        var waiting = factory.CreateBrowserLikeClient();
        var refused = factory.CreateBrowserLikeClient();
        await waiting.SignInAsync("admin");
        await refused.SignInAsync("pimpinan");

        var held = await gate.EnterAsync(CancellationToken.None);
        Task<HttpResponseMessage> queued;
        try
        {
            queued = waiting.GetAsync(EmployeeListReport.Link(null, "Kepala", true));
            await WaitUntilAsync(() => gate.Queued == 1);

            var response = await refused.GetAsync(EmployeeListReport.Link(null, null, true));
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Equal("Server sedang menyiapkan banyak laporan lain. Silakan coba lagi dalam satu menit.", problem!.Detail);
            Assert.False(queued.IsCompleted);
        }
        finally
        {
            held.Dispose();
        }

        var served = await queued;
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await served.Content.ReadAsByteArrayAsync()));
        Assert.NotEmpty(book.Worksheets);
    }

    [Fact]
    public async Task ALargeExportIsStreamedAndLooksTheSame()
    {
        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var response = await client.GetAsync(EmployeeListReport.Link(kominfo.Id, null, true), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("Unit: Dinas Komunikasi dan Informatika", ws.Cell("A3").GetString());
        Assert.Equal(8, ws.SheetView.SplitRow);
        Assert.Equal(XLDataType.Text, ws.Cell(SheetPlan.FirstDataRow, 2).DataType);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == ReportExporter.AuditAction && a.Detail!.Contains("(streaming)")));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 15 s");
            await Task.Delay(20);
        }
    }
}
