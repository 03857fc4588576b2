using Microsoft.Extensions.Logging.Console;

namespace Belu.Portal.Common;

/// <summary>
/// The portal as an operating-system service (README, "Running it in production"). Under systemd it tells systemd
/// when it is ready to serve (<c>Type=notify</c>: after the migrations, once Kestrel listens) and stops cleanly on
/// SIGTERM; under the Windows service manager it starts and stops with the service, from the folder of its binaries.
/// Run any other way (<c>dotnet run</c>, the tests, the benchmarks) both are no-ops.
/// </summary>
public static class ServiceHosting
{
    public static WebApplicationBuilder AddServiceHosting(this WebApplicationBuilder builder)
    {
        builder.Host.UseSystemd();
        builder.Host.UseWindowsService();
        // UseSystemd switches the console to systemd's own format. The configured formatter still decides, so the operator
        // chooses in one place: the unit file in docs/deploy sets Logging__Console__FormatterName=systemd.
        builder.Services.AddOptions<ConsoleLoggerOptions>().PostConfigure<IConfiguration>((options, configuration) =>
        {
            if (configuration["Logging:Console:FormatterName"] is { Length: > 0 } formatter)
            {
                options.FormatterName = formatter;
            }
        });
        return builder;
    }
}
