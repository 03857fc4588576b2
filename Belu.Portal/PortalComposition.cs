using Belu.Portal.Common.Security;
using Belu.Portal.Data;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Metrics;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports;

namespace Belu.Portal;

/// <summary>
/// The portal composed from its features, in one place: Program.cs and the benchmark host both start from
/// <see cref="AddPortal"/>, so a benchmark measures the portal that runs, not a copy of it.
/// </summary>
public static class PortalComposition
{
    /// <summary>Every feature's services and settings; the order matters only where a later registration replaces an earlier one.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.AddPortalPlatform();
        builder.AddPortalSecurity();
        builder.AddPortalData();
        builder.AddAccounts();
        builder.AddAudit();
        builder.AddOrganization();
        builder.AddNotifications();
        // After Accounts: its security-stamp validator replaces Identity's.
        builder.AddMonitoring();
        builder.AddReports();
        builder.AddLetters();
        builder.AddElectronicLetters();
        builder.AddAttendance();
        builder.AddElectronicSigning();
        builder.AddMetrics();
        return builder;
    }

    /// <summary>Checks the settings, migrates the database and seeds the demo when asked, before anything is served.</summary>
    public static async Task InitializePortalAsync(this WebApplication app)
    {
        app.ValidateSettings();
        await app.InitializeDatabaseAsync();
        app.PrintDemoAccounts();
    }

    /// <summary>The middleware, then every feature's endpoints and pages.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UsePortalSecurity();
        app.UsePortalPlatform();
        app.UseAuthentication();
        app.UseCurrentUser();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapPortalPlatform();
        app.MapMetrics();
        app.MapAccounts();
        app.MapOrganization();
        app.MapNotifications();
        app.MapMonitoring();
        app.MapReports();
        app.MapLetters();
        app.MapElectronicLetters();
        app.MapAttendance();
        return app;
    }
}
