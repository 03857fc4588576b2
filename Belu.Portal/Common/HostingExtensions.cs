using System.Globalization;
using System.Text.Json;
using Belu.Portal.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace Belu.Portal.Common;

public static class HostingExtensions
{
    /// <summary>Configuration, clock, logging, Blazor and MudBlazor: what every feature stands on.</summary>
    public static WebApplicationBuilder AddPortalPlatform(this WebApplicationBuilder builder)
    {
        builder.AddPortalConfiguration();
        builder.AddServiceHosting();
        builder.Services.AddValidatedOptions<OfficeOptions>(builder.Configuration, OfficeOptions.Section);
        builder.Services.AddValidatedOptions<StorageOptions>(builder.Configuration, StorageOptions.Section);
        builder.Services.AddCurrentUser();
        builder.Services.AddSingleton(builder.StartingClock());
        builder.Services.AddSingleton<OfficeClock>();
        builder.Services.AddSingleton<Files.FileStore>();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<PortalExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// The real clock, or in Development one that starts at <c>Clock:StartsAt</c> (an ISO instant with offset), so a
    /// demo or a test run sees the same day whenever it is started. Refused outside Development: attendance decides money.
    /// </summary>
    private static TimeProvider StartingClock(this WebApplicationBuilder builder)
    {
        var startsAt = builder.Configuration["Clock:StartsAt"];
        if (string.IsNullOrWhiteSpace(startsAt))
        {
            return TimeProvider.System;
        }
        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("Clock:StartsAt hanya boleh dipakai di lingkungan Development (demo dan pengujian); kosongkan di produksi.");
        }
        if (!DateTimeOffset.TryParse(startsAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new InvalidOperationException($"Clock:StartsAt '{startsAt}' bukan waktu yang valid; contoh: 2026-11-25T09:00:00+08:00.");
        }
        return new StartedClock(instant);
    }

    public static WebApplication UsePortalPlatform(this WebApplication app)
    {
        var indonesian = new CultureInfo("id-ID");
        CultureInfo.DefaultThreadCurrentCulture = indonesian;
        CultureInfo.DefaultThreadCurrentUICulture = indonesian;
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(indonesian),
            SupportedCultures = [indonesian],
            SupportedUICultures = [indonesian],
        });

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.Use((context, next) =>
        {
            // Status pages are for people opening pages; API, hub and device clients get the bare status code.
            if (!HttpMethods.IsGet(context.Request.Method) || Features.Accounts.AccountsExtensions.IsApiRequest(context.Request))
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }
            return next(context);
        });
        // In every environment, inside the status pages: a refusal thrown by a service reaches an endpoint's client as
        // ProblemDetails (PortalExceptionHandler), or a browser as the status page; anything else is the error page.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/status/500", CreateScopeForErrors = true });
        return app;
    }

    public static WebApplication MapPortalPlatform(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        // Our own Content-Security-Policy (frame-ancestors 'none') is the only one: Blazor would add a second header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // The provider and the migration state tell an outsider too much: anonymous callers get the status only.
        if (!context.User.IsInRole(Features.Accounts.Roles.Admin))
        {
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
        }
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
            }),
        }));
    }
}
