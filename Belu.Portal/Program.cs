using Belu.Portal.Common;
using Belu.Portal.Common.Security;
using Belu.Portal.Data;
using Belu.Portal.Data.Backup;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalPlatform();
builder.AddPortalSecurity();
builder.AddPortalData();
builder.AddAccounts();
builder.AddOrganization();
builder.AddNotifications();
builder.AddReports();
builder.AddLetters();
builder.AddAttendance();

var app = builder.Build();

if (await app.RunCommandAsync(args))
{
    return;
}

await app.InitializeDatabaseAsync();
app.PrintDemoAccounts();

app.UsePortalSecurity();
app.UsePortalPlatform();
app.UseAuthentication();
app.UseCurrentUser();
app.UseAuthorization();
app.UseAntiforgery();

app.MapPortalPlatform();
app.MapAccounts();
app.MapOrganization();
app.MapNotifications();
app.MapReports();
app.MapLetters();
app.MapAttendance();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
