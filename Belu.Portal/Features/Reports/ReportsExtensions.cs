using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Reports.Attendance;
using Belu.Portal.Features.Reports.Charts;
using Belu.Portal.Features.Reports.EmployeeList;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Features.Reports.Pipeline;

namespace Belu.Portal.Features.Reports;

public static class ReportsExtensions
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ReportOptions>(builder.Configuration, ReportOptions.Section);
        builder.Services.AddSingleton<ExportGate>();
        builder.Services.AddSingleton<ClosedXmlWorkbookWriter>();
        builder.Services.AddSingleton<StreamingWorkbookWriter>();
        builder.Services.AddScoped<ReportExporter>();
        builder.Services.AddScoped<EmployeeListReport>();
        builder.Services.AddScoped<IncomingRegisterReport>();
        builder.Services.AddScoped<OutgoingRegisterReport>();
        builder.Services.AddScoped<DispositionRecapReport>();
        builder.Services.AddScoped<AttendanceRecapReport>();
        builder.Services.AddScoped<DailyLateReport>();
        builder.Services.AddScoped<DisciplineReport>();
        builder.Services.AddScoped<LeaveRecapReport>();
        builder.Services.AddScoped<LetterChartService>();
        return builder;
    }

    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapReport<EmployeeListReport, EmployeeListRequest>(EmployeeListReport.Path, Policies.LeaderOrAdmin);
        app.MapReport<IncomingRegisterReport, IncomingRegisterRequest>(IncomingRegisterReport.Path, Policies.Staff);
        app.MapReport<OutgoingRegisterReport, OutgoingRegisterRequest>(OutgoingRegisterReport.Path, Policies.Staff);
        app.MapReport<DispositionRecapReport, DispositionRecapRequest>(DispositionRecapReport.Path, Policies.LeaderOrAdmin);
        app.MapReport<AttendanceRecapReport, AttendanceRecapRequest>(AttendanceRecapReport.Path, Policies.LeaderOrAdmin);
        app.MapReport<DailyLateReport, DailyLateRequest>(DailyLateReport.Path, Policies.LeaderOrAdmin);
        // Only leaders and admins see more than their own line on the page; the report asks the page's rule itself.
        app.MapReport<DisciplineReport, DisciplineRequest>(DisciplineReport.Path, Policies.LeaderOrAdmin);
        app.MapReport<LeaveRecapReport, LeaveRecapRequest>(LeaveRecapReport.Path, Policies.LeaderOrAdmin);
        return app;
    }

    /// <summary>
    /// A GET endpoint that streams the report as an .xlsx download. The request record is bound from the query
    /// string (so a page links to it with its filters); the policy is a first gate, the report checks the scope.
    /// </summary>
    public static RouteHandlerBuilder MapReport<TReport, TRequest>(this IEndpointRouteBuilder endpoints, string pattern, string policy)
        where TReport : IReport<TRequest> =>
        endpoints.MapGet(pattern, ([AsParameters] TRequest request, TReport report, ReportExporter exporter, CancellationToken ct) =>
                exporter.ExportAsync(report, request, ct))
            .RequireAuthorization(policy);
}
