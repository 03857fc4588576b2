using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Common.Security;

/// <summary>Request limits per client address (section "RateLimits"); a proxy's clients are told apart by X-Forwarded-For.</summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts per minute from one address (lockout protects each account; this stops spraying).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "harus lebih dari 0 (permintaan per menit).")]
    public int LoginPerMinute { get; set; } = 20;

    /// <summary>Hub negotiations per minute from one address.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "harus lebih dari 0 (permintaan per menit).")]
    public int HubPerMinute { get; set; } = 120;

    /// <summary>Requests per minute from one attendance machine or bridge address (a flood guard, sized for the morning rush).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "harus lebih dari 0 (permintaan per menit).")]
    public int DevicePerMinute { get; set; } = 60_000;

    /// <summary>Requests per minute from one address to the public verification page (/verifikasi): a guard against code guessing.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "harus lebih dari 0 (permintaan per menit).")]
    public int VerifyPerMinute { get; set; } = 60;

    /// <summary>
    /// Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For and X-Forwarded-Proto are believed. Empty by
    /// default: then no forwarded header is believed from anyone, loopback included.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Length; i++)
        {
            if (!System.Net.IPNetwork.TryParse(ProxyNetwork(KnownProxies[i]), out _))
            {
                yield return new ValidationResult($"'{KnownProxies[i]}' bukan alamat IP atau rentang CIDR; contoh: 10.0.0.5 atau 10.0.0.0/29.", [$"{nameof(KnownProxies)}:{i}"]);
            }
        }
    }

    /// <summary>A single address is a network of one.</summary>
    internal static string ProxyNetwork(string proxy) =>
        proxy.Contains('/') ? proxy : proxy + (proxy.Contains(':') ? "/128" : "/32");
}

public static class SecurityExtensions
{
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RateLimitOptions>(builder.Configuration, RateLimitOptions.Section);
        // The antiforgery cookie is Secure whenever the request came over HTTPS (directly or via a trusted proxy), like the sign-in cookie.
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET trusts loopback by default; only the configured proxies may speak for a client here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in limits.Value.KnownProxies)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(RateLimitOptions.ProxyNetwork(proxy)));
            }
        });

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, token) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Terlalu banyak permintaan dari alamat ini. Tunggu sebentar lalu coba lagi.", token);
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var path = context.Request.Path;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "?";
                if (HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments("/akun/masuk"))
                {
                    return Window("login:" + address, limits.LoginPerMinute);
                }
                // A connection starts with /negotiate, or (skipNegotiation) with a WebSocket request that carries no
                // connection id: both count. Requests of an established long-polling connection carry its id.
                if (path.StartsWithSegments("/hubs")
                    && (path.Value!.EndsWith("/negotiate", StringComparison.Ordinal) || !context.Request.Query.ContainsKey("id")))
                {
                    return Window("hub:" + address, limits.HubPerMinute);
                }
                if (path.StartsWithSegments("/api/absensi") || path.StartsWithSegments("/iclock"))
                {
                    return Window("device:" + address, limits.DevicePerMinute);
                }
                if (path.StartsWithSegments("/verifikasi"))
                {
                    return Window("verify:" + address, limits.VerifyPerMinute);
                }
                return RateLimitPartition.GetNoLimiter("none");
            });
        });
        return builder;
    }

    private static void AddSecurityHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        var host = context.Request.Host.Value;
        // Blazor Server needs its own scripts and a WebSocket to this host; MudBlazor sets inline styles. One policy
        // per response: Blazor's own frame-ancestors header is switched off where the components are mapped.
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
            $"connect-src 'self' ws://{host} wss://{host}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        // The field check-in asks for the location and the camera (docs/decisions/0026): the portal's own pages may, no
        // other origin may. A Blazor page keeps the document it was first loaded as, so this cannot be one path's alone.
        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(self)";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps)
        {
            // Served over HTTPS (directly or through a configured proxy): browsers keep to HTTPS for a year.
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }
    }

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>Forwarded headers, security headers and the rate limiter, before anything answers.</summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        // With both lists empty the middleware would believe everyone, so without a configured proxy it does not run.
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.KnownProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        app.Use((context, next) =>
        {
            // Set as the response starts, so an error page (whose handler clears the headers) carries them too.
            context.Response.OnStarting(() =>
            {
                AddSecurityHeaders(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseRateLimiter();
        return app;
    }
}
