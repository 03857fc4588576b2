using System.Security.Cryptography;
using System.Text;

namespace Belu.Portal.Features.Attendance.Domain;

public enum KioskCodeCheck
{
    Valid = 0,
    Expired = 1,
    Invalid = 2,
}

/// <summary>A code shown on the kiosk: its text and when the kiosk replaces it.</summary>
public sealed record KioskCode(string Text, long Step, DateTimeOffset ExpiresAt);

/// <summary>
/// Rotating kiosk codes: the time step (30 s by default) signed with HMAC-SHA256, like a TOTP that the server both
/// shows and checks. A code of the current step or of the <paramref name="graceSteps"/> before it is accepted, so a
/// scan just before the rotation still counts; anything older is expired; anything unsigned is invalid.
/// </summary>
public sealed class KioskCodes(byte[] key, TimeProvider time, TimeSpan step, int graceSteps = 1)
{
    public TimeSpan StepLength => step;

    public long CurrentStep => time.GetUtcNow().ToUnixTimeMilliseconds() / (long)step.TotalMilliseconds;

    public KioskCode Current()
    {
        var current = CurrentStep;
        return new KioskCode(Sign(current), current, DateTimeOffset.FromUnixTimeMilliseconds((current + 1) * (long)step.TotalMilliseconds));
    }

    public KioskCodeCheck Check(string? code, out long codeStep)
    {
        codeStep = -1;
        var parts = (code ?? "").Split('-');
        if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s))
        {
            return KioskCodeCheck.Invalid;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(s));
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
        return current - s <= graceSteps ? KioskCodeCheck.Valid : KioskCodeCheck.Expired;
    }

    private string Sign(long s)
    {
        var stepText = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("kiosk:" + stepText));
        return stepText + "-" + Convert.ToHexStringLower(mac.AsSpan(0, 12));
    }
}
