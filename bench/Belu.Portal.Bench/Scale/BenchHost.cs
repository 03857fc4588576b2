using System.Security.Claims;
using Belu.Portal;
using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// The portal composed by the same <see cref="PortalComposition.AddPortal"/> as Program.cs, over a database folder, without listening on a port:
/// the benchmarks call its services the way its pages and endpoints do. Background workers are not started.
/// </summary>
internal static class BenchHost
{
    public static async Task<WebApplication> OpenAsync(string folder, IDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(Path.GetFullPath(folder), "portal.db")}",
            ["Storage:Root"] = Path.Combine(Path.GetFullPath(folder), "storage"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            // BENCH_SQL=1 prints every SQL command with its time, to look at the plans of a slow query.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] =
                Environment.GetEnvironmentVariable("BENCH_SQL") == "1" ? "Information" : "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(values);

        builder.AddPortal();

        var app = builder.Build();
        await app.InitializePortalAsync();
        return app;
    }

    /// <summary>A request scope signed in as the given account, as the cookie middleware would leave it.</summary>
    public static async Task<AsyncServiceScope> SignedInScopeAsync(WebApplication app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no account '{userName}'");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(principal.Identities.Select(i =>
            new ClaimsIdentity(i.Claims, IdentityConstants.ApplicationScheme))), "127.0.0.1");
        return scope;
    }
}
