using Belu.Portal.Features.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Belu.Portal.Features.Accounts;

public static class AccountsExtensions
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                // Wrong passwords slow down their source address, not the account (SignInThrottleService, decision 0013).
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<Data.PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<IndonesianIdentityErrors>()
            .AddDefaultTokenProviders();

        // Deactivation and role changes renew the security stamp; a signed-in browser's cookie is checked at most this
        // often (a minute by default), so its session ends within that time.
        var sessionCheck = builder.Configuration.GetValue("Accounts:SessionCheckInterval", TimeSpan.FromMinutes(1));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = sessionCheck);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "belu.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/akun/masuk";
            options.LogoutPath = "/akun/keluar";
            options.AccessDeniedPath = "/status/403";
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context =>
            {
                // Browsers are sent to the login page; API and device clients get a plain 401.
                if (IsApiRequest(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // Answer 403 where the request was made; the status page explains it to a browser.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Pimpinan, p => p.RequireRole(Roles.Pimpinan))
            .AddPolicy(Policies.Agendaris, p => p.RequireRole(Roles.Agendaris))
            .AddPolicy(Policies.Pegawai, p => p.RequireRole(Roles.Pegawai))
            .AddPolicy(Policies.Display, p => p.RequireRole(Roles.Display))
            .AddPolicy(Policies.Staff, p => p.RequireRole([.. Roles.Staff]))
            .AddPolicy(Policies.LeaderOrAdmin, p => p.RequireRole(Roles.Pimpinan, Roles.Admin));

        services.AddValidatedOptions<SignInThrottling.SignInThrottleOptions>(builder.Configuration, SignInThrottling.SignInThrottleOptions.Section);
        services.AddScoped<SignInThrottling.SignInThrottleService>();
        services.AddScoped<SignInService>();
        services.AddScoped<AccountService>();
        // Open hub connections and circuits per account, closed when the account's access changes (Sessions/).
        services.AddSingleton<Sessions.LiveSessions>();
        services.AddScoped<PeopleStampValidator>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        // The sign-out form carries the antiforgery token like every other form: a page on another site cannot sign
        // a user out. The endpoint binds no form, so it checks the token itself.
        app.MapPost("/akun/keluar", async (HttpContext http, IAntiforgery antiforgery, SignInService signIn, CurrentUser user, AuditLog audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(title: "Permintaan tidak sah",
                    detail: "Formulir keluar tidak berasal dari halaman portal ini. Muat ulang halaman lalu pilih Keluar lagi.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
            await audit.WriteAsync("logout", user.UserName);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/akun/masuk");
        }).RequireAuthorization();
        return app;
    }

    internal static bool IsApiRequest(HttpRequest request) => IsApiRequest(request.Path, request.Headers.Accept);

    /// <summary>The same question for a path given apart (an error handler sees the original path, not the error page's).</summary>
    internal static bool IsApiRequest(PathString path, Microsoft.Extensions.Primitives.StringValues accept) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health")
        || (accept.Count > 0 && !accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            && !accept.ToString().Contains("*/*", StringComparison.Ordinal));
}
