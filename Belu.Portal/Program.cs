using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalPlatform();
builder.AddPortalData();
builder.AddAccounts();
builder.AddOrganization();
builder.AddNotifications();
builder.AddLetters();

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
app.MapLetters();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
