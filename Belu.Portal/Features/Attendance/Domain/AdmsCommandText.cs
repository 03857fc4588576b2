using System.Globalization;
using System.Text;

namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>The commands the portal can queue for a fingerprint machine (docs/domain/adms.md, "Commands").</summary>
public enum MachineCommandKind
{
    /// <summary>Put an employee on the machine: <c>DATA UPDATE USERINFO PIN=…\tName=…</c>.</summary>
    PutUser = 0,

    /// <summary>Remove an employee from the machine: <c>DATA DELETE USERINFO PIN=…</c>.</summary>
    RemoveUser = 1,

    /// <summary>Set the machine's clock to the server's WITA time: <c>SET OPTION DateTime=…</c>.</summary>
    SetClock = 2,

    /// <summary>Send again the punches of a date range: <c>DATA QUERY ATTLOG StartTime=…\tEndTime=…</c>.</summary>
    FetchLogs = 3,

    /// <summary><c>REBOOT</c>.</summary>
    Reboot = 4,

    /// <summary>Report counts and firmware: <c>INFO</c>.</summary>
    Info = 5,
}

/// <summary>One answer a machine posts to <c>/iclock/devicecmd</c>: <c>ID=…&amp;Return=…&amp;CMD=…</c>, with the key=value lines that follow it (INFO).</summary>
public sealed record AdmsCommandReply(int Id, int Return, string Command, IReadOnlyDictionary<string, string> Values);

/// <summary>What a machine says of itself: firmware and counts, from an INFO reply or the <c>INFO=</c> of a poll.</summary>
public sealed record AdmsMachineInfo(string? Firmware, int? Users, int? Fingerprints, int? Logs);

/// <summary>
/// The text of the ADMS commands and of the machine's answers, as the ZKTeco attendance push protocol writes them.
/// Pure: no clock, no I/O. Local times are WITA (the machine's clock runs on office time).
/// </summary>
public static class AdmsCommandText
{
    /// <summary>The longest name the machine shows (older firmware keeps 24 bytes).</summary>
    public const int MaxNameLength = 24;

    /// <summary>The longest PIN the push protocol's firmware takes.</summary>
    public const int MaxPinLength = 23;

    private const string Stamp = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The line the machine reads from <c>/iclock/getrequest</c>: <c>C:&lt;id&gt;:&lt;command&gt;</c>.</summary>
    public static string Line(int id, string command) => $"C:{id}:{command}";

    public static string PutUser(string pin, string name) =>
        $"DATA UPDATE USERINFO PIN={CheckPin(pin)}\tName={CleanName(name)}\tPri=0\tPasswd=\tCard=\tGrp=1\tTZ=0000000100000000\tVerify=0";

    public static string RemoveUser(string pin) => $"DATA DELETE USERINFO PIN={CheckPin(pin)}";

    /// <summary>The machine's clock, set to <paramref name="local"/> (WITA) in ZKTeco's packed form.</summary>
    public static string SetClock(DateTime local) => $"SET OPTION DateTime={PackTime(local)}";

    /// <summary>The punches from the start of <paramref name="from"/> to the end of <paramref name="to"/>, local dates.</summary>
    public static string FetchLogs(DateOnly from, DateOnly to) =>
        $"DATA QUERY ATTLOG StartTime={from.ToDateTime(TimeOnly.MinValue).ToString(Stamp, CultureInfo.InvariantCulture)}" +
        $"\tEndTime={to.ToDateTime(new TimeOnly(23, 59, 59)).ToString(Stamp, CultureInfo.InvariantCulture)}";

    public const string Reboot = "REBOOT";

    public const string Info = "INFO";

    /// <summary>
    /// ZKTeco's packed date-time: ((year−2000)×12×31 + (month−1)×31 + day−1)×86400 + seconds of the day. Months count
    /// as 31 days, so the number is not a Unix time.
    /// </summary>
    public static long PackTime(DateTime local) =>
        ((long)(local.Year - 2000) * 12 * 31 + (local.Month - 1) * 31 + (local.Day - 1)) * 86400L
        + local.Hour * 3600 + local.Minute * 60 + local.Second;

    /// <summary>The inverse of <see cref="PackTime"/>, for reading what was sent.</summary>
    public static DateTime UnpackTime(long packed)
    {
        var seconds = (int)(packed % 86400);
        var days = packed / 86400;
        var day = (int)(days % 31) + 1;
        var month = (int)(days / 31 % 12) + 1;
        var year = (int)(days / 31 / 12) + 2000;
        return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(seconds);
    }

    /// <summary>
    /// The answers in a <c>/iclock/devicecmd</c> body: one <c>ID=…&amp;Return=…&amp;CMD=…</c> line per command, an INFO
    /// answer followed by its <c>Key=Value</c> lines (a leading <c>~</c> dropped). Lines that are neither are skipped.
    /// </summary>
    public static IReadOnlyList<AdmsCommandReply> ParseReplies(string body)
    {
        var replies = new List<AdmsCommandReply>();
        Dictionary<string, string>? values = null;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim('\r', ' ', '\0');
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("ID=", StringComparison.OrdinalIgnoreCase) && line.Contains('&', StringComparison.Ordinal))
            {
                var fields = line.Split('&').Select(f => f.Split('=', 2)).Where(f => f.Length == 2)
                    .GroupBy(f => f[0].Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
                if (fields.TryGetValue("ID", out var id) && int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    && fields.TryGetValue("Return", out var ret) && int.TryParse(ret, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
                {
                    values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    replies.Add(new AdmsCommandReply(number, code, fields.GetValueOrDefault("CMD") ?? "", values));
                    continue;
                }
                values = null;
                continue;
            }
            var pair = line.TrimStart('~').Split('=', 2);
            if (values is not null && pair.Length == 2)
            {
                values[pair[0].Trim()] = pair[1].Trim();
            }
        }
        return replies;
    }

    /// <summary>Firmware and counts from an INFO answer's lines (<c>FWVersion</c>, <c>UserCount</c>, <c>FPCount</c>, <c>TransactionCount</c>).</summary>
    public static AdmsMachineInfo InfoFrom(IReadOnlyDictionary<string, string> values) => new(
        values.GetValueOrDefault("FWVersion"), Number(values.GetValueOrDefault("UserCount")),
        Number(values.GetValueOrDefault("FPCount")), Number(values.GetValueOrDefault("TransactionCount")));

    /// <summary>
    /// The <c>INFO=</c> a 2.x machine adds to its polls: firmware, user count, fingerprint count, punch count, address,
    /// and algorithm versions, comma-separated. Null when there is none or it cannot be read.
    /// </summary>
    public static AdmsMachineInfo? InfoFromPoll(string? info)
    {
        if (string.IsNullOrWhiteSpace(info))
        {
            return null;
        }
        var parts = info.Split(',');
        return parts.Length < 4 ? null : new AdmsMachineInfo(Cut(parts[0].Trim(), 100), Number(parts[1]), Number(parts[2]), Number(parts[3]));
    }

    /// <summary>A name the machine can show: no tabs or line ends (they would split the command), at most <see cref="MaxNameLength"/> characters.</summary>
    public static string CleanName(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Trim())
        {
            text.Append(char.IsControl(c) ? ' ' : c);
        }
        var clean = text.ToString().Trim();
        return clean.Length <= MaxNameLength ? clean : clean[..MaxNameLength].TrimEnd();
    }

    private static string CheckPin(string pin) =>
        pin.Length is > 0 and <= MaxPinLength && pin.All(char.IsAsciiLetterOrDigit) ? pin
            : throw new ArgumentException($"A machine PIN is 1–{MaxPinLength} letters or digits.", nameof(pin));

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
