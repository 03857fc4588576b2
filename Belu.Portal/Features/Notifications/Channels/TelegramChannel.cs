using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Notifications.Channels;

/// <summary>The Telegram Bot API: POST {ApiUrl}/bot{token}/sendMessage with chat_id and text; it answers <c>{"ok": …}</c>.</summary>
public sealed class TelegramChannel(HttpClient http, IOptions<ChannelOptions> options) : INotificationChannel
{
    public const string HttpClientName = "channel-telegram";

    public ChannelKind Kind => ChannelKind.Telegram;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.Value.Telegram;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.ApiUrl.TrimEnd('/')}/bot{settings.BotToken}/sendMessage")
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["chat_id"] = message.Recipient, ["text"] = message.Body }),
        };
        using var response = await ChannelHttp.SendAsync(http, request, options.Value.TimeoutSeconds, "Telegram", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (ChannelHttp.RefusedInBody(body, "ok") is string reason)
        {
            throw new ChannelSendException($"Telegram menolak: {reason}");
        }
    }
}
