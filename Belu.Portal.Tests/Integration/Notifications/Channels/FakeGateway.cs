using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Belu.Portal.Tests.Integration.Notifications.Channels;

/// <summary>How a fake gateway answers: as the real service does, with a 500, or not at all.</summary>
public enum GatewayMode
{
    Accept,
    Fail500,
    Hang,
}

/// <summary>One request the fake gateway received: its path, headers of interest and fields (form or JSON).</summary>
public sealed record GatewayRequest(string Path, string? Authorization, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// A real HTTP server on a loopback port, answering like a WhatsApp gateway (Fonnte: <c>{"status": true}</c>) or the
/// Telegram Bot API (<c>{"ok": true}</c>); it records what it received and can be told to fail or hang.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<GatewayRequest> Received { get; } = new();

    public volatile GatewayMode Mode = GatewayMode.Accept;

    private FakeGateway(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeGateway> StartAsync(string okField)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeGateway(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            var fields = new Dictionary<string, string>();
            if (http.Request.HasFormContentType)
            {
                foreach (var (key, value) in await http.Request.ReadFormAsync())
                {
                    fields[key] = value.ToString();
                }
            }
            else
            {
                var json = await System.Text.Json.JsonSerializer.DeserializeAsync<Dictionary<string, System.Text.Json.JsonElement>>(http.Request.Body);
                foreach (var (key, value) in json ?? [])
                {
                    fields[key] = value.ToString();
                }
            }
            gateway.Received.Enqueue(new GatewayRequest(http.Request.Path, http.Request.Headers.Authorization.ToString(), fields));
            switch (gateway.Mode)
            {
                case GatewayMode.Fail500:
                    return Results.Text("gateway rusak", statusCode: 500);
                case GatewayMode.Hang:
                    await Task.Delay(Timeout.Infinite, http.RequestAborted);
                    return Results.Empty;
                default:
                    return Results.Text($"{{\"{okField}\": true}}", "application/json");
            }
        });
        await app.StartAsync();
        gateway.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
