using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// The portal on a fake clock, starting on Friday 27 November 2026 at 07:45 WITA (23:45 UTC the day before):
/// a working day, fifteen minutes after the start. The demo history is seeded up to the day before.
/// </summary>
public class FakeClockPortalFactory : PortalFactory
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 23, 45, 0, TimeSpan.Zero);

    public static readonly DateOnly StartDay = new(2026, 11, 27);

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Extra settings, e.g. office networks.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>Sets the fake clock to a local (WITA) time of the start day or later; never backwards.</summary>
    public void SetLocal(DateOnly day, int hour, int minute, int second = 0)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)), TimeSpan.FromHours(8));
        Time.SetUtcNow(target.ToUniversalTime());
    }
}

/// <summary>Web check-in limited to an office network the tests' loopback address is not in.</summary>
public sealed class OfficeNetworkPortalFactory : FakeClockPortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Attendance:OfficeNetworks:0", "10.20.0.0/16")];
}

/// <summary>The fake-clock portal on a real port, for the browser journey of E-Absen.</summary>
public sealed class FakeClockKestrelPortalFactory : FakeClockPortalFactory
{
    public FakeClockKestrelPortalFactory()
    {
        UseKestrel(0);
    }

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
    }
}
