using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalPlatform();
builder.AddPortalData();
builder.AddAccounts();
builder.AddOrganization();
builder.AddNotifications();
builder.AddAttendance();

var app = builder.Build();

await app.InitializeDatabaseAsync();
app.PrintDemoAccounts();

app.UsePortalPlatform();
app.UseAuthentication();
app.UseCurrentUser();
app.UseAuthorization();
app.UseAntiforgery();

app.MapPortalPlatform();
app.MapAccounts();
app.MapOrganization();
app.MapAttendance();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
