using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Field;

namespace Belu.Portal.Features.Attendance;

/// <summary>Policies of E-Absen beyond the portal's role policies.</summary>
public static class AttendancePolicies
{
    /// <summary>A kiosk screen: the display account, or an admin setting one up.</summary>
    public const string Kiosk = "AttendanceKiosk";
}

public static class AttendanceExtensions
{
    public static WebApplicationBuilder AddAttendance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AttendanceOptions>(builder.Configuration, AttendanceOptions.Section);
        services.AddValidatedOptions<Leave.LeaveOptions>(builder.Configuration, Leave.LeaveOptions.Section);
        services.AddSingleton<AttendanceEngine>();
        services.AddSingleton<KioskService>();
        // One instance: it owns the single writer queue of punches.
        services.AddSingleton<PresenceCues>();
        services.AddSingleton<StorePunchBatch>();
        services.AddSingleton<PunchRecorder>();
        services.AddSingleton<DeviceLastSeen>();
        services.AddScoped<DeviceIngestService>();
        services.AddScoped<ApiDevices>();
        services.AddScoped<MachineGate>();
        services.AddScoped<MachineJournal>();
        services.AddScoped<CheckInService>();
        services.AddScoped<ShowKioskCode>();
        services.AddScoped<ScanKioskCode>();
        services.AddScoped<SubmitRequest>();
        services.AddSingleton<Leave.LeaveBalances>();
        services.AddSingleton<Leave.LeaveRequestCheck>();
        services.AddScoped<Leave.DecideLeave>();
        services.AddScoped<Leave.LeaveQueries>();
        services.AddScoped<Leave.SetOpeningBalance>();
        services.AddScoped<Leave.PrintLeaveForm>();
        services.AddScoped<Leave.LeaveRecapQuery>();
        services.AddScoped<DecideRequest>();
        services.AddScoped<CancelRequest>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<OpenRequestDocument>();
        services.AddScoped<AttendanceReportService>();
        services.AddScoped<Admin.AttendanceAdminQueries>();
        services.AddScoped<Admin.SaveSchedule>();
        services.AddScoped<Admin.DeleteSchedule>();
        services.AddScoped<Admin.SaveHoliday>();
        services.AddScoped<Admin.SavePenalties>();
        services.AddScoped<Admin.RegisterDevice>();
        services.AddScoped<Admin.RevokeDevice>();
        services.AddScoped<Admin.SavePin>();
        services.AddScoped<Admin.ImportPunchLog>();
        services.AddScoped<Admin.CorrectDay>();
        services.AddScoped<ApproveMachine>();
        services.AddScoped<MachineCorrections>();
        services.AddScoped<MachineQueries>();
        services.AddValidatedOptions<Devices.Commands.AdmsOptions>(builder.Configuration, Devices.Commands.AdmsOptions.Section);
        services.AddScoped<Devices.Commands.MachineCommandDesk>();
        services.AddScoped<QueueMachineCommand>();
        services.AddScoped<MachineCommandQueries>();
        services.AddScoped<Devices.Commands.AnnounceSilentMachines>();
        services.AddScoped<Devices.Commands.ExpireUnansweredCommands>();
        services.AddHostedService<Devices.Commands.MachineWatch>();
        services.AddScoped<DailyCloseService>();
        services.AddScoped<Admin.RecloseDays>();
        services.AddHostedService<DailyCloseWorker>();
        services.AddScoped<OpenRequest>();
        services.AddScoped<CountRequestsToDecide>();
        services.AddScoped<RemindUndecidedRequests>();
        services.AddSingleton<RequestReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RequestReminderWorker>());
        services.AddScoped<IDemoSeedStep, AttendanceDemoSeed>();
        services.AddFieldCheckIn(builder.Configuration);
        services.AddAuthorizationBuilder()
            .AddPolicy(AttendancePolicies.Kiosk, p => p.RequireRole(Roles.Display, Roles.Admin));
        return builder;
    }

    public static WebApplication MapAttendance(this WebApplication app)
    {
        app.MapDeviceEndpoints();
        app.MapCheckInEndpoints();
        app.MapFieldCheckIn();

        // A request's document, streamed only after the service's scope check (refusals: PortalExceptionHandler).
        app.MapGet("/absensi/permohonan/{id:guid}/dokumen", async (Guid id, OpenRequestDocument documents, CancellationToken ct) =>
        {
            var (content, type, name) = await documents.OpenAsync(id, ct);
            return Results.File(content, type, name);
        }).RequireAuthorization(Policies.Staff);
        // The filled leave form as a PDF (Peraturan BKN 24/2017), after the same check as its print page.
        app.MapGet("/absensi/permohonan/{id:guid}/formulir-cuti.pdf", async (Guid id, Leave.PrintLeaveForm forms, CancellationToken ct) =>
        {
            var file = await forms.PdfAsync(id, ct);
            return Results.File(file.Content, "application/pdf", file.FileName);
        }).RequireAuthorization(Policies.Staff);
        return app;
    }
}
