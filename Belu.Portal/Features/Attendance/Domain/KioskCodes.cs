using System.Security.Cryptography;
using System.Text;

namespace Belu.Portal.Features.Attendance.Domain;

public enum KioskCodeCheck
{
    Valid = 0,
    Expired = 1,
    Invalid = 2,
}

/// <summary>A code shown on one kiosk screen: its text, the screen it belongs to and when the kiosk replaces it.</summary>
public sealed record KioskCode(string Text, string Display, long Step, DateTimeOffset ExpiresAt);

/// <summary>
/// Rotating kiosk codes: the screen's key and the time step (30 s by default) signed with HMAC-SHA256, like a TOTP that
/// the server both shows and checks (docs/decisions/0014). The text is <c>{display}.{step}-{mac}</c>: the screen is part
/// of what is signed, so a code names the one screen that showed it and cannot be moved to another. A code of the
/// current step or of the <paramref name="graceSteps"/> before it is accepted, so a scan just before the rotation still
/// counts; anything older is expired; anything unsigned is invalid.
/// </summary>
public sealed class KioskCodes(byte[] key, TimeProvider time, TimeSpan step, int graceSteps = 1)
{
    public TimeSpan StepLength => step;

    public long CurrentStep => time.GetUtcNow().ToUnixTimeMilliseconds() / (long)step.TotalMilliseconds;

    /// <summary>A screen's key: letters, digits and '-' only (it travels in a URL), at most 64 of them.</summary>
    public static bool IsDisplayKey(string? display) =>
        display is { Length: > 0 and <= 64 } && display.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public KioskCode Current(string display)
    {
        if (!IsDisplayKey(display))
        {
            throw new ArgumentException("A kiosk screen's key is 1-64 letters, digits or '-'.", nameof(display));
        }
        var current = CurrentStep;
        return new KioskCode(Sign(display, current), display, current, DateTimeOffset.FromUnixTimeMilliseconds((current + 1) * (long)step.TotalMilliseconds));
    }

    public KioskCodeCheck Check(string? code, out long codeStep, out string display)
    {
        codeStep = -1;
        display = "";
        var halves = (code ?? "").Split('.');
        if (halves.Length != 2 || !IsDisplayKey(halves[0]))
        {
            return KioskCodeCheck.Invalid;
        }
        var parts = halves[1].Split('-');
        if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s))
        {
            return KioskCodeCheck.Invalid;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(halves[0], s));
        var actual = Encoding.ASCII.GetBytes(code!);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return KioskCodeCheck.Invalid;
        }
        var current = CurrentStep;
        if (s > current)
        {
            return KioskCodeCheck.Invalid;
        }
        codeStep = s;
        display = halves[0];
        return current - s <= graceSteps ? KioskCodeCheck.Valid : KioskCodeCheck.Expired;
    }

    private string Sign(string display, long s)
    {
        var stepText = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("kiosk:" + display + ":" + stepText));
        return display + "." + stepText + "-" + Convert.ToHexStringLower(mac.AsSpan(0, 12));
    }
}
