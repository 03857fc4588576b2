using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Notifications.Channels;

/// <summary>
/// A rented WhatsApp gateway (Fonnte's shape by default): POST form fields target and message, the token in the
/// Authorization header. Such gateways answer 200 with <c>{"status": false, "reason": …}</c> when they refuse, so that
/// answer is a failure too.
/// </summary>
public sealed class WhatsAppChannel(HttpClient http, IOptions<ChannelOptions> options) : INotificationChannel
{
    public const string HttpClientName = "channel-whatsapp";

    public ChannelKind Kind => ChannelKind.WhatsApp;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.Value.WhatsApp;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new FormUrlEncodedContent([
                new(settings.TargetField, message.Recipient),
                new(settings.MessageField, message.Body),
            ]),
        };
        request.Headers.TryAddWithoutValidation(settings.TokenHeader, settings.Token);
        using var response = await ChannelHttp.SendAsync(http, request, options.Value.TimeoutSeconds, "WhatsApp", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (ChannelHttp.RefusedInBody(body, "status") is string reason)
        {
            throw new ChannelSendException($"WhatsApp menolak: {reason}");
        }
    }
}

/// <summary>The HTTP part the WhatsApp and Telegram adapters share: a time limit of its own and a failure for any non-2xx.</summary>
internal static class ChannelHttp
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, int timeoutSeconds, string channel, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new ChannelSendException($"{channel}: tidak ada jawaban dalam {timeoutSeconds} detik.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelSendException($"{channel}: {ex.Message}", ex);
        }
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            throw new ChannelSendException($"{channel}: HTTP {status} {Cut(text, 200)}");
        }
        return response;
    }

    /// <summary>The reason when a JSON answer says <c>{flag}: false</c>; null when it accepted (or is not JSON).</summary>
    public static string? RefusedInBody(string body, string flag)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(flag, out var ok) && ok.ValueKind == JsonValueKind.False)
            {
                foreach (var name in (string[])["reason", "description", "message", "error"])
                {
                    if (json.RootElement.TryGetProperty(name, out var r))
                    {
                        return Cut(r.ToString(), 200);
                    }
                }
                return "tanpa alasan";
            }
        }
        catch (JsonException)
        {
            // A gateway that answers plain text with 200 accepted the message.
            return null;
        }
        return null;
    }

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
