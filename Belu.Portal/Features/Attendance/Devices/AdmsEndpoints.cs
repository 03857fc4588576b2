using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance.Devices.Commands;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// The <c>/iclock</c> endpoints of the ADMS push protocol (<see cref="AdmsProtocol"/>). Every request passes
/// <see cref="MachineGate"/>: only an approved machine sending from its network gets an answer the machine treats as
/// success; anything else gets 401 (waiting for approval) or 403 (blocked, or from outside its network), so the machine
/// keeps its records and sends them again once it is approved. What an approved machine uploads is answered
/// <c>OK: n</c> with every line counted (stored, duplicate, parked for review, refused): each has been dealt with and
/// is visible to the admin, so the machine must not send it again.
/// </summary>
public static class AdmsEndpoints
{
    public static void MapAdms(this WebApplication app)
    {
        var iclock = app.MapGroup("/iclock").AllowAnonymous().DisableAntiforgery();
        // Older firmware asks for the same resources with an ".aspx" suffix.
        foreach (var suffix in new[] { "", ".aspx" })
        {
            iclock.MapGet("/cdata" + suffix, HandshakeAsync);
            iclock.MapPost("/cdata" + suffix, UploadAsync);
            iclock.MapGet("/getrequest" + suffix, GetRequestAsync);
            iclock.MapPost("/devicecmd" + suffix, DeviceCmdAsync);
            iclock.MapGet("/ping" + suffix, PollAsync);
            iclock.MapMethods("/registry" + suffix, ["GET", "POST"], RegistryAsync);
            iclock.MapMethods("/push" + suffix, ["GET", "POST"], PushAsync);
        }
    }

    private static async Task<IResult> HandshakeAsync(HttpContext http, MachineGate gate, OfficeClock clock)
    {
        var check = await gate.CheckAsync(http.Request.Query["SN"], http.Connection.RemoteIpAddress, ct: http.RequestAborted);
        return check.Access == MachineAccess.Accepted
            ? Text(AdmsProtocol.HandshakeResponse(check.Device!.SerialNumber!, OffsetHours(clock)))
            : Refusal(check);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, MachineGate gate, DeviceIngestService ingest, MachineJournal journal,
        MachineCommandDesk desk, ILogger<DeviceIngestService> logger)
    {
        var body = await DeviceEndpoints.ReadBodyAsync(http);
        if (body is null)
        {
            return Text("Request too large", StatusCodes.Status413PayloadTooLarge);
        }
        var table = http.Request.Query["table"].ToString();
        var isAttLog = table.Equals("ATTLOG", StringComparison.OrdinalIgnoreCase);
        var check = await gate.CheckAsync(http.Request.Query["SN"], http.Connection.RemoteIpAddress,
            isAttLog ? AdmsProtocol.CountRecords(body) : 0, http.RequestAborted);
        if (check.Access != MachineAccess.Accepted)
        {
            return Refusal(check);
        }
        var device = check.Device!;
        if (!isAttLog)
        {
            // Operation logs, user and fingerprint templates: acknowledged so the machine moves on, not kept.
            return Text($"OK: {AdmsProtocol.CountRecords(body)}");
        }
        var parse = PunchLineParser.ParseAttLog(body);
        var lines = ingest.FromLines(parse);
        await desk.NoteClockAsync(device, lines, http.RequestAborted);
        var (result, _) = await ingest.IngestAsync(lines, PunchSource.Adms, device, ct: http.RequestAborted, address: check.Address);
        await journal.RecordUploadAsync(device, PunchSource.Adms, check.Address, result, http.RequestAborted);
        if (result.Rejected > 0 || result.Parked > 0)
        {
            logger.LogWarning("ADMS {Serial}: {Rejected} ATTLOG lines refused, {Parked} parked for review", device.SerialNumber, result.Rejected, result.Parked);
        }
        return Text($"OK: {parse.Lines.Count + parse.Errors.Count}");
    }

    private static async Task<IResult> PollAsync(HttpContext http, MachineGate gate)
    {
        var check = await gate.CheckAsync(http.Request.Query["SN"], http.Connection.RemoteIpAddress, ct: http.RequestAborted);
        return check.Access == MachineAccess.Accepted ? Text("OK") : Refusal(check);
    }

    /// <summary>A poll: the machine's <c>INFO=</c> counts are kept and its queued commands handed out (or <c>OK</c>).</summary>
    private static async Task<IResult> GetRequestAsync(HttpContext http, MachineGate gate, MachineCommandDesk desk)
    {
        var check = await gate.CheckAsync(http.Request.Query["SN"], http.Connection.RemoteIpAddress, ct: http.RequestAborted);
        if (check.Access != MachineAccess.Accepted)
        {
            return Refusal(check);
        }
        await desk.NotePollInfoAsync(check.Device!, http.Request.Query["INFO"], http.RequestAborted);
        return Text(await desk.HandOutAsync(check.Device!, http.RequestAborted));
    }

    /// <summary>The machine's answers to commands (<c>ID=…&amp;Return=…&amp;CMD=…</c>), answered <c>OK</c>.</summary>
    private static async Task<IResult> DeviceCmdAsync(HttpContext http, MachineGate gate, MachineCommandDesk desk)
    {
        var body = await DeviceEndpoints.ReadBodyAsync(http);
        if (body is null)
        {
            return Text("Request too large", StatusCodes.Status413PayloadTooLarge);
        }
        var check = await gate.CheckAsync(http.Request.Query["SN"], http.Connection.RemoteIpAddress, ct: http.RequestAborted);
        if (check.Access != MachineAccess.Accepted)
        {
            return Refusal(check);
        }
        await desk.RecordRepliesAsync(check.Device!, body, http.RequestAborted);
        return Text("OK");
    }

    private static async Task<IResult> RegistryAsync(HttpContext http, MachineGate gate)
    {
        var check = await gate.CheckAsync(http.Request.Query["SN"], http.Connection.RemoteIpAddress, ct: http.RequestAborted);
        return check.Access == MachineAccess.Accepted ? Text(AdmsProtocol.RegistryResponse(check.Device!.Id)) : Refusal(check);
    }

    private static async Task<IResult> PushAsync(HttpContext http, MachineGate gate, OfficeClock clock)
    {
        var check = await gate.CheckAsync(http.Request.Query["SN"], http.Connection.RemoteIpAddress, ct: http.RequestAborted);
        return check.Access == MachineAccess.Accepted ? Text(AdmsProtocol.PushConfiguration(check.Device!.Id, OffsetHours(clock))) : Refusal(check);
    }

    private static int OffsetHours(OfficeClock clock) => (int)clock.TimeZone.BaseUtcOffset.TotalHours;

    /// <summary>Not a success for the machine: it keeps its records and tries again after its ErrorDelay.</summary>
    private static IResult Refusal(MachineCheck check) => check.Access switch
    {
        MachineAccess.Pending => Text("Mesin menunggu persetujuan admin portal.", StatusCodes.Status401Unauthorized),
        MachineAccess.Blocked => Text("Mesin diblokir atau dicabut oleh admin portal.", StatusCodes.Status403Forbidden),
        MachineAccess.OutsideNetwork => Text("Mesin mengirim dari alamat di luar jaringan yang disetujui.", StatusCodes.Status403Forbidden),
        _ => Text("Nomor seri mesin tidak dikenal.", StatusCodes.Status401Unauthorized),
    };

    private static IResult Text(string text, int status = StatusCodes.Status200OK) =>
        Results.Text(text, "text/plain", Encoding.UTF8, status);
}
