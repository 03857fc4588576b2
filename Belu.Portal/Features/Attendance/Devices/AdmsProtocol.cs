namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// The ZKTeco ADMS ("iclock") push protocol as fingerprint machines speak it. Attendance push (firmware 2.x): the machine
/// asks for its options (<c>GET /iclock/cdata?SN=...&amp;options=all</c>), uploads records (<c>POST
/// /iclock/cdata?SN=...&amp;table=ATTLOG</c>, answered <c>OK: n</c>) and polls for commands (<c>GET
/// /iclock/getrequest?SN=...</c>, answered <c>OK</c> when there is nothing to do). Push 3.x firmware first registers
/// (<c>POST /iclock/registry</c>, answered <c>RegistryCode=...</c>), fetches its configuration (<c>/iclock/push</c>) and
/// sends heartbeats (<c>GET /iclock/ping</c>, answered <c>OK</c>) while it uploads. Device clocks run on local time.
/// </summary>
public static class AdmsProtocol
{
    /// <summary>The server version a 2.4+ machine reads from the handshake (it decides which requests it may send).</summary>
    public const string ServerVersion = "2.4.1";

    /// <summary>The attendance push protocol version this server speaks.</summary>
    public const string PushProtocolVersion = "2.4.1";

    /// <summary>The version announced to push 3.x firmware in its configuration.</summary>
    public const string PushV3Version = "3.1.2";

    /// <summary>
    /// The options block of the handshake. Stamp=9999 asks for every record not sent yet; Realtime=1 sends each
    /// punch at once; TransInterval is the upload period in minutes; TimeZone is the office's UTC offset in hours;
    /// ServerVer and PushProtVer tell 2.4+ firmware what this server speaks (without them it falls back to 2.2 behaviour).
    /// </summary>
    public static string HandshakeResponse(string serialNumber, int timeZoneHours) =>
        string.Join("\n",
            $"GET OPTION FROM: {serialNumber}",
            "ATTLOGStamp=None",
            "OPERLOGStamp=9999",
            "ATTPHOTOStamp=None",
            "Stamp=9999",
            "OpStamp=9999",
            "ErrorDelay=30",
            "Delay=10",
            "TransTimes=00:00;14:05",
            "TransInterval=1",
            "TransFlag=TransData AttLog\tOpLog",
            $"TimeZone={timeZoneHours}",
            "Realtime=1",
            "Encrypt=None",
            $"ServerVer={ServerVersion}",
            $"PushProtVer={PushProtocolVersion}",
            "");

    /// <summary>The answer to <c>/iclock/registry</c> of an approved machine: the code it sends back with later requests.</summary>
    public static string RegistryResponse(Guid deviceId) => $"RegistryCode={RegistryCode(deviceId)}\n";

    /// <summary>The configuration push 3.x firmware fetches from <c>/iclock/push</c> after registering.</summary>
    public static string PushConfiguration(Guid deviceId, int timeZoneHours) =>
        string.Join("\n",
            $"ServerVersion={PushV3Version}",
            "ServerName=Belu.Portal",
            $"PushVersion={PushV3Version}",
            $"PushProtVer={PushV3Version}",
            "ErrorDelay=30",
            "RequestDelay=10",
            "TransTimes=00:00;14:05",
            "TransInterval=1",
            "TransTables=User Transaction",
            "Realtime=1",
            $"SessionID={RegistryCode(deviceId)}",
            "TimeoutSec=10",
            $"TimeZone={timeZoneHours}",
            "");

    /// <summary>A stable code per machine record (not a secret: the machine sends it back in clear).</summary>
    private static string RegistryCode(Guid deviceId) => deviceId.ToString("N")[^12..];

    /// <summary>Counts the non-empty lines of an upload, for the <c>OK: n</c> of tables we do not keep.</summary>
    public static int CountRecords(string body) =>
        body.Split('\n').Count(l => l.Trim().Length > 0);
}
