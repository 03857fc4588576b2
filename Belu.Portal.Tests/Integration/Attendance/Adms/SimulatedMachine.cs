using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Tests.Integration.Attendance.Adms;

/// <summary>A request the simulated machine sent, as it went out, and the portal's answer.</summary>
public sealed record SentRequest(string Fixture, string Method, string Target, string Body, int Status, string Answer);

/// <summary>
/// A fingerprint machine speaking the ZKTeco push protocol to the real portal over HTTP. Every request is built from
/// the firmware fixtures (<see cref="FirmwareRequests"/>) and kept in <see cref="Sent"/>. It keeps what a machine keeps:
/// its users, its punch log and its own clock (which may be off), and it carries out the commands its polls receive,
/// answering each on <c>/iclock/devicecmd</c> as firmware does.
/// </summary>
public sealed class SimulatedMachine(HttpClient client, string serial, Func<DateTime> serverLocalNow)
{
    private const string Stamp = "yyyy-MM-dd HH:mm:ss";

    private readonly List<(string Pin, DateTime Local)> _log = [];

    public string Serial => serial;

    public string Firmware { get; init; } = "Ver 6.60 Jun 9 2020";

    /// <summary>The machine's users, PIN → name, as its menu would list them.</summary>
    public Dictionary<string, string> Users { get; } = [];

    /// <summary>How far the machine's clock is from the office's (positive: fast).</summary>
    public TimeSpan ClockOffset { get; set; }

    public DateTime LocalNow => serverLocalNow() + ClockOffset;

    public List<SentRequest> Sent { get; } = [];

    /// <summary>The commands received, as their lines (<c>C:id:…</c>).</summary>
    public List<string> Received { get; } = [];

    /// <summary>A Return code to answer a kind of command with instead of 0 (e.g. -1002 for DATA).</summary>
    public Dictionary<string, int> FailWith { get; } = [];

    public int Reboots { get; private set; }

    /// <summary>Verbs of commands the machine takes on a poll but never answers (it lost power, or its firmware says nothing).</summary>
    public HashSet<string> Unanswered { get; } = [];

    public Task<SentRequest> HandshakeAsync() => SendAsync("handshake", new Dictionary<string, string>());

    /// <summary>A punch made now on the machine's own clock, posted at once (Realtime=1).</summary>
    public async Task<SentRequest> PunchAsync(string pin)
    {
        var at = LocalNow;
        _log.Add((pin, at));
        return await UploadAsync([(pin, at)]);
    }

    /// <summary>A punch kept in the machine's log without being sent (the network was down).</summary>
    public void PunchOffline(string pin, DateTime local) => _log.Add((pin, local));

    /// <summary>Polls once and carries out what it receives; returns the command lines.</summary>
    public async Task<IReadOnlyList<string>> PollAsync()
    {
        var info = $"{Firmware},{Users.Count},{Users.Count * 2},{_log.Count},192.168.10.201,10,7,0,0,000000000";
        var poll = await SendAsync("getrequest", new Dictionary<string, string> { ["INFO"] = info });
        var lines = poll.Answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("C:", StringComparison.Ordinal)).ToList();
        Received.AddRange(lines);
        var replies = new StringBuilder();
        foreach (var line in lines.Where(l => !Unanswered.Contains(l.Split(':', 3)[2].Split(' ')[0])))
        {
            replies.Append(await CarryOutAsync(line));
        }
        if (replies.Length > 0)
        {
            await SendAsync("devicecmd", new Dictionary<string, string> { ["BODY"] = replies.ToString() });
        }
        return lines;
    }

    private async Task<string> CarryOutAsync(string line)
    {
        var parts = line.Split(':', 3);
        var id = parts[1];
        var command = parts[2];
        var verb = command.Split(' ')[0];
        var code = FailWith.GetValueOrDefault(verb);
        if (code == 0)
        {
            var fields = command.Split(' ', 4) is { Length: 4 } words ? Fields(words[3]) : [];
            switch (command)
            {
                case var c when c.StartsWith("DATA UPDATE USERINFO ", StringComparison.Ordinal):
                    Users[fields["PIN"]] = fields["Name"];
                    break;
                case var c when c.StartsWith("DATA DELETE USERINFO ", StringComparison.Ordinal):
                    Users.Remove(fields["PIN"]);
                    break;
                case var c when c.StartsWith("SET OPTION DateTime=", StringComparison.Ordinal):
                    var set = AdmsCommandText.UnpackTime(long.Parse(c["SET OPTION DateTime=".Length..], CultureInfo.InvariantCulture));
                    ClockOffset = set - serverLocalNow();
                    break;
                case var c when c.StartsWith("DATA QUERY ATTLOG ", StringComparison.Ordinal):
                    var from = DateTime.ParseExact(fields["StartTime"], Stamp, CultureInfo.InvariantCulture);
                    var to = DateTime.ParseExact(fields["EndTime"], Stamp, CultureInfo.InvariantCulture);
                    await UploadAsync(_log.Where(l => l.Local >= from && l.Local <= to).ToList());
                    break;
                case "REBOOT":
                    Reboots++;
                    break;
                case "INFO":
                    return FirmwareRequest.Fill(FirmwareRequests.Text("devicecmd-info"), new Dictionary<string, string>
                    {
                        ["ID"] = id, ["LOGS"] = _log.Count.ToString(CultureInfo.InvariantCulture), ["USERS"] = Users.Count.ToString(CultureInfo.InvariantCulture),
                        ["FINGERPRINTS"] = (Users.Count * 2).ToString(CultureInfo.InvariantCulture), ["FIRMWARE"] = Firmware,
                    }, v => v);
                default:
                    code = -1; // unknown command
                    break;
            }
        }
        return FirmwareRequest.Fill(FirmwareRequests.Text("devicecmd-reply"), new Dictionary<string, string>
        {
            ["ID"] = id, ["RETURN"] = code.ToString(CultureInfo.InvariantCulture), ["CMD"] = verb,
        }, v => v);
    }

    /// <summary><c>Key=Value</c> fields separated by tabs, as DATA commands carry them (StartTime's value has a space).</summary>
    private static Dictionary<string, string> Fields(string text) =>
        text.Split('\t').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);

    private Task<SentRequest> UploadAsync(IReadOnlyList<(string Pin, DateTime Local)> lines)
    {
        var body = string.Concat(lines.Select(l => FirmwareRequest.Fill(FirmwareRequests.Text("attlog-line"), new Dictionary<string, string>
        {
            ["PIN"] = l.Pin, ["TIME"] = l.Local.ToString(Stamp, CultureInfo.InvariantCulture),
        }, v => v)));
        return SendAsync("attlog", new Dictionary<string, string> { ["STAMP"] = "9999", ["BODY"] = body });
    }

    private async Task<SentRequest> SendAsync(string fixture, Dictionary<string, string> values)
    {
        var request = FirmwareRequests.Request(fixture);
        values["SN"] = serial;
        var body = values.TryGetValue("BODY", out var text) ? text : "";
        var target = request.TargetWith(values.Where(v => v.Key != "BODY").ToDictionary());
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (request.Method == "POST")
        {
            message.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        }
        foreach (var (name, value) in request.Headers)
        {
            switch (name.ToLowerInvariant())
            {
                case "host" or "content-length":
                    break; // The HTTP client writes these itself.
                case "content-type":
                    message.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                    break;
                default:
                    message.Headers.TryAddWithoutValidation(name, value);
                    break;
            }
        }
        using var response = await client.SendAsync(message);
        var sent = new SentRequest(fixture, request.Method, target, body, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        Sent.Add(sent);
        return sent;
    }
}
