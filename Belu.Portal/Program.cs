using Belu.Portal;
using Belu.Portal.Data.Backup;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();

// A bad setting stops here, naming its key, before a command or the database uses it.
app.ValidateSettings();
if (await app.RunCommandAsync(args))
{
    return;
}

await app.InitializePortalAsync();
app.UsePortal();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
