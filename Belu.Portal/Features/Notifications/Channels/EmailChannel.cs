using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Belu.Portal.Features.Notifications.Channels;

/// <summary>E-mail over SMTP with MailKit: one connection per message, plain text in Bahasa Indonesia with the link.</summary>
public sealed class EmailChannel(IOptions<ChannelOptions> options) : INotificationChannel
{
    public ChannelKind Kind => ChannelKind.Email;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.Value.Email;
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = options.Value.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }
            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (ex is MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException
            or MailKit.Security.AuthenticationException or MailKit.ServiceNotConnectedException or IOException
            or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new ChannelSendException($"SMTP {settings.Host}:{settings.Port}: {ex.Message}", ex);
        }
    }
}
