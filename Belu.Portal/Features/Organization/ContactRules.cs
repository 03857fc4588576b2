using System.Net.Mail;

namespace Belu.Portal.Features.Organization;

/// <summary>
/// An employee's phone number and e-mail address as people write them, made into the one form the channels send to.
/// Indonesian numbers are written 0812…, +62 812…, 62-812… or 812…; WhatsApp gateways want 62812… (no plus, no spaces).
/// </summary>
public static class ContactRules
{
    /// <summary>True when the text is empty (no number) or a plausible Indonesian mobile number; <paramref name="phone"/> is 62… or null.</summary>
    public static bool TryNormalizePhone(string? text, out string? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '.' and not '(' and not ')').ToArray());
        if (digits.StartsWith('+'))
        {
            digits = digits[1..];
        }
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (digits.StartsWith('0'))
        {
            digits = "62" + digits[1..];
        }
        else if (digits.StartsWith('8'))
        {
            digits = "62" + digits;
        }
        // 62 8xx, 9 to 12 digits after the 62: the length of Indonesian mobile numbers.
        if (!digits.StartsWith("628") || digits.Length is < 11 or > 15)
        {
            return false;
        }
        phone = digits;
        return true;
    }

    /// <summary>True when the text is empty or one plain address (no display name); <paramref name="email"/> is trimmed and lower-case, or null.</summary>
    public static bool TryNormalizeEmail(string? text, out string? email)
    {
        email = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var trimmed = text.Trim();
        if (trimmed.Length > 254 || trimmed.Contains(' ') || !MailAddress.TryCreate(trimmed, out var address)
            || address.Address != trimmed || !address.Host.Contains('.'))
        {
            return false;
        }
        email = trimmed.ToLowerInvariant();
        return true;
    }
}
