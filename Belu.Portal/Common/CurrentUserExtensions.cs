using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Belu.Portal.Common;

public static class CurrentUserExtensions
{
    /// <summary>Who is calling, per request and per circuit: every feature's services check it themselves.</summary>
    public static IServiceCollection AddCurrentUser(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>Sets <see cref="CurrentUser"/> for each HTTP request; must run after authentication.</summary>
    public static WebApplication UseCurrentUser(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var user = context.RequestServices.GetRequiredService<CurrentUser>();
            user.Set(context.User, context.Connection.RemoteIpAddress?.ToString());
            user.ReadActingChoice(context);
            await next(context);
        });
        return app;
    }
}
