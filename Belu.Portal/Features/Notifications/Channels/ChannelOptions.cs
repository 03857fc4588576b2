using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Features.Notifications.Channels;

/// <summary>
/// The channels beyond the bell (section <c>Channels</c>), each off until the operator turns it on, and the delivery's
/// retry policy. Checked at start: a channel turned on without its address or token stops the portal with the key named.
/// </summary>
public sealed class ChannelOptions : IValidatableObject
{
    public const string Section = "Channels";

    /// <summary>The portal's public address, for the link in every message (e.g. https://portal.belukab.go.id).</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    public EmailChannelOptions Email { get; set; } = new();

    public WhatsAppChannelOptions WhatsApp { get; set; } = new();

    public TelegramChannelOptions Telegram { get; set; } = new();

    /// <summary>How often the delivery worker looks for messages to send.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles after each further failure (exponential backoff).</summary>
    [Range(1, 3600)]
    public int RetryFirstSeconds { get; set; } = 30;

    /// <summary>The longest wait between two tries.</summary>
    [Range(1, 86400)]
    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>After this many failed tries the message is marked Gagal and stays in the delivery log.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>One send may take this long before it counts as failed: a hanging gateway holds up nothing else.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 15;

    public IReadOnlySet<ChannelKind> Enabled()
    {
        var set = new HashSet<ChannelKind>();
        if (Email.Enabled) { set.Add(ChannelKind.Email); }
        if (WhatsApp.Enabled) { set.Add(ChannelKind.WhatsApp); }
        if (Telegram.Enabled) { set.Add(ChannelKind.Telegram); }
        return set;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return new("harus alamat http(s) lengkap portal, misalnya https://portal.belukab.go.id.", [nameof(PublicUrl)]);
        }
        if (RetryMaxSeconds < RetryFirstSeconds)
        {
            yield return new("tidak boleh lebih kecil dari RetryFirstSeconds.", [nameof(RetryMaxSeconds)]);
        }
        if (Email.Enabled)
        {
            if (string.IsNullOrWhiteSpace(Email.Host))
            {
                yield return new("wajib diisi bila e-mail aktif.", ["Email:Host"]);
            }
            if (Email.Port is < 1 or > 65535)
            {
                yield return new("harus 1–65535.", ["Email:Port"]);
            }
            if (!Organization.ContactRules.TryNormalizeEmail(Email.From, out var from) || from is null)
            {
                yield return new("harus alamat e-mail pengirim, misalnya portal@belukab.go.id.", ["Email:From"]);
            }
        }
        if (WhatsApp.Enabled)
        {
            if (!Uri.TryCreate(WhatsApp.Url, UriKind.Absolute, out var wa) || wa.Scheme is not ("http" or "https"))
            {
                yield return new("harus alamat http(s) gateway, misalnya https://api.fonnte.com/send.", ["WhatsApp:Url"]);
            }
            if (string.IsNullOrWhiteSpace(WhatsApp.Token))
            {
                yield return new("wajib diisi bila WhatsApp aktif.", ["WhatsApp:Token"]);
            }
            if (string.IsNullOrWhiteSpace(WhatsApp.TokenHeader) || string.IsNullOrWhiteSpace(WhatsApp.TargetField) || string.IsNullOrWhiteSpace(WhatsApp.MessageField))
            {
                yield return new("TokenHeader, TargetField dan MessageField wajib diisi.", ["WhatsApp"]);
            }
        }
        if (Telegram.Enabled)
        {
            if (!Uri.TryCreate(Telegram.ApiUrl, UriKind.Absolute, out _))
            {
                yield return new("harus alamat http(s), biasanya https://api.telegram.org.", ["Telegram:ApiUrl"]);
            }
            if (string.IsNullOrWhiteSpace(Telegram.BotToken))
            {
                yield return new("wajib diisi bila Telegram aktif (dari @BotFather).", ["Telegram:BotToken"]);
            }
        }
    }
}

public sealed class EmailChannelOptions
{
    public bool Enabled { get; set; }

    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>None, StartTls (port 587) or SslOnConnect (port 465); Auto lets MailKit choose by port.</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.StartTls;

    /// <summary>Empty for a relay that needs no sign-in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "";

    public string FromName { get; set; } = "Portal Pemkab Belu";
}

/// <summary>
/// An HTTP WhatsApp gateway of the kind offices rent (Fonnte, Wablas, …): a POST with the token in a header and the
/// target number and the text as form fields. The field and header names differ between vendors, so they are settings.
/// </summary>
public sealed class WhatsAppChannelOptions
{
    public bool Enabled { get; set; }

    public string Url { get; set; } = "https://api.fonnte.com/send";

    public string Token { get; set; } = "";

    public string TokenHeader { get; set; } = "Authorization";

    public string TargetField { get; set; } = "target";

    public string MessageField { get; set; } = "message";
}

public sealed class TelegramChannelOptions
{
    public bool Enabled { get; set; }

    public string ApiUrl { get; set; } = "https://api.telegram.org";

    public string BotToken { get; set; } = "";
}
