using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>
/// The one export path: asks the report for its workbook as the caller (scope and limits are checked there,
/// before any byte is sent), waits at the gate, writes the audit entry, and streams the .xlsx as a download with
/// the writer its size calls for.
/// </summary>
public sealed class ReportExporter(
    ExportGate gate,
    AuditLog audit,
    CurrentUser currentUser,
    OfficeClock clock,
    IOptions<OfficeOptions> office,
    IOptions<ReportOptions> options,
    ClosedXmlWorkbookWriter closedXml,
    StreamingWorkbookWriter streaming,
    Metrics.PortalMetrics metrics,
    ILogger<ReportExporter> logger)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string AuditAction = "report.exported";

    public async Task<IResult> ExportAsync<TRequest>(IReport<TRequest> report, TRequest request, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        ReportDocument document;
        try
        {
            document = await report.BuildAsync(request, ct);
        }
        catch (Exception ex) when (PortalExceptionHandler.Describe(ex) is { } refusal)
        {
            // Answered here, not by the handler, so a caller of the exporter gets the result too; in the same shape.
            return Results.Problem(PortalExceptionHandler.ToProblem(ex, refusal));
        }

        System.Threading.RateLimiting.RateLimitLease lease;
        try
        {
            lease = await gate.EnterAsync(ct);
        }
        catch (ExportBusyException ex)
        {
            logger.LogWarning("Export of {Report} by {User} refused: too many exports at once", report.Key, currentUser.UserName);
            return new BusyResult(ex.Message, gate.RetryAfter);
        }

        var writer = ChooseWriter(document);
        await audit.WriteAsync(AuditAction, report.Key,
            $"{document.Title}; {document.Sheets.Count} lembar, {document.RowCountText} baris; {document.Filters ?? "tanpa filter"}; {document.FileName} ({writer.Name})");
        var plan = WorkbookPlan.Create(document, Stamp(), clock.TimeZone);
        return new XlsxResult(plan, writer, lease, logger, elapsed => metrics.ExportFinished(report.Key, writer.Name, elapsed.Completed, elapsed.Time), started);
    }

    private IWorkbookWriter ChooseWriter(ReportDocument document) =>
        document.CellCount > options.Value.StreamingThresholdCells ? streaming : closedXml;

    private ReportStamp Stamp() => new(
        office.Value.RegencyName,
        clock.LocalNow,
        clock.ZoneAbbreviation,
        currentUser.DisplayName == currentUser.UserName ? currentUser.UserName : $"{currentUser.DisplayName} ({currentUser.UserName})");

    private static IResult Refusal(int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status);

    private sealed class BusyResult(string message, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Refusal(StatusCodes.Status429TooManyRequests, "Terlalu banyak unduhan", message).ExecuteAsync(httpContext);
        }
    }

    /// <summary>Streams the workbook into the response; the gate's slot is released when the last byte is out.</summary>
    private sealed class XlsxResult(WorkbookPlan plan, IWorkbookWriter writer, IDisposable lease, ILogger logger,
        Action<(bool Completed, TimeSpan Time)> finished, long started) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            using (lease)
            {
                var response = httpContext.Response;
                response.ContentType = ContentType;
                response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
                {
                    FileName = plan.Document.FileName,
                }.ToString();
                response.Headers.CacheControl = "no-store";
                var writing = System.Diagnostics.Stopwatch.GetTimestamp();
                var completed = false;
                try
                {
                    await writer.WriteAsync(plan, response.Body, httpContext.RequestAborted);
                    completed = true;
                }
                finally
                {
                    // From the request (the report's query included) to the last byte, or to the failure.
                    finished((completed, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
                }
                logger.LogInformation("Exported {File}: {Rows} rows in {Sheets} sheets with {Writer} in {Elapsed} ms",
                    plan.Document.FileName, plan.Sheets.Sum(s => s.DataRows), plan.Sheets.Count, writer.Name,
                    (long)System.Diagnostics.Stopwatch.GetElapsedTime(writing).TotalMilliseconds);
            }
        }
    }
}
