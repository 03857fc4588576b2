namespace Belu.Portal.Features.Notifications.Channels;

/// <summary>One message as a channel sends it: the address, a subject (e-mail only) and the text with its link.</summary>
public sealed record OutgoingMessage(string Recipient, string Subject, string Body);

/// <summary>
/// A way out of the portal (e-mail, WhatsApp, Telegram). <see cref="SendAsync"/> returns when the far side accepted
/// the message and throws when it did not; the delivery worker retries, so an adapter never retries itself.
/// </summary>
public interface INotificationChannel
{
    ChannelKind Kind { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>The far side refused or failed; the message is tried again later.</summary>
public sealed class ChannelSendException(string message, Exception? inner = null) : Exception(message, inner);
