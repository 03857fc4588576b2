namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// The ZKTeco ADMS ("iclock") push protocol as fingerprint machines speak it: the machine asks for its options
/// (<c>GET /iclock/cdata?SN=...&amp;options=all</c>), uploads records (<c>POST /iclock/cdata?SN=...&amp;table=ATTLOG</c>,
/// answered <c>OK: n</c>) and polls for commands (<c>GET /iclock/getrequest?SN=...</c>, answered <c>OK</c> when
/// there is nothing to do). Device clocks run on local time.
/// </summary>
public static class AdmsProtocol
{
    /// <summary>
    /// The options block of the handshake. Stamp=9999 asks for every record not sent yet; Realtime=1 sends each
    /// punch at once; TransInterval is the upload period in minutes; TimeZone is the office's UTC offset in hours.
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
            "");

    /// <summary>Counts the non-empty lines of an upload, for the <c>OK: n</c> of tables we do not keep.</summary>
    public static int CountRecords(string body) =>
        body.Split('\n').Count(l => l.Trim().Length > 0);
}
