using System.Text;
using System.Text.Json;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// Endpoints for machines. They sit outside cookie authentication and antiforgery: each authenticates the device
/// itself (a registered serial number for ADMS, an API key for the JSON endpoint).
/// </summary>
public static class DeviceEndpoints
{
    private const int MaxBodyBytes = 2 * 1024 * 1024;

    public static void MapDeviceEndpoints(this WebApplication app)
    {
        var iclock = app.MapGroup("/iclock").AllowAnonymous().DisableAntiforgery();
        // Older firmware asks for the same resources with an ".aspx" suffix.
        foreach (var suffix in new[] { "", ".aspx" })
        {
            iclock.MapGet("/cdata" + suffix, HandshakeAsync);
            iclock.MapPost("/cdata" + suffix, UploadAsync);
            iclock.MapGet("/getrequest" + suffix, PollAsync);
            iclock.MapPost("/devicecmd" + suffix, PollAsync);
        }

        app.MapPost("/api/absensi/punches", PunchesAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static async Task<IResult> HandshakeAsync(HttpContext http, DeviceIngestService ingest, OfficeClock clock, ILogger<DeviceIngestService> logger)
    {
        var serial = http.Request.Query["SN"].ToString();
        var device = await ingest.FindBySerialAsync(serial, http.RequestAborted);
        if (device is null)
        {
            logger.LogWarning("ADMS handshake from unregistered machine {Serial}", Clean(serial));
            return Text("Unknown device", StatusCodes.Status401Unauthorized);
        }
        await ingest.TouchAsync(device.Id, http.RequestAborted);
        return Text(AdmsProtocol.HandshakeResponse(device.SerialNumber!, (int)clock.TimeZone.BaseUtcOffset.TotalHours));
    }

    private static async Task<IResult> UploadAsync(HttpContext http, DeviceIngestService ingest, ILogger<DeviceIngestService> logger)
    {
        var serial = http.Request.Query["SN"].ToString();
        var device = await ingest.FindBySerialAsync(serial, http.RequestAborted);
        if (device is null)
        {
            logger.LogWarning("ADMS upload from unregistered machine {Serial} ignored", Clean(serial));
            return Text("Unknown device", StatusCodes.Status401Unauthorized);
        }
        var body = await ReadBodyAsync(http);
        if (body is null)
        {
            return Text("Request too large", StatusCodes.Status413PayloadTooLarge);
        }
        await ingest.TouchAsync(device.Id, http.RequestAborted);
        var table = http.Request.Query["table"].ToString();
        if (!table.Equals("ATTLOG", StringComparison.OrdinalIgnoreCase))
        {
            // Operation logs, user and fingerprint templates: acknowledged so the machine moves on, not kept.
            return Text($"OK: {AdmsProtocol.CountRecords(body)}");
        }
        var parse = PunchLineParser.ParseAttLog(body);
        var (result, _) = await ingest.IngestAsync(ingest.FromLines(parse), PunchSource.Adms, device, ct: http.RequestAborted);
        if (result.Rejected > 0)
        {
            logger.LogWarning("ADMS {Serial}: {Rejected} ATTLOG lines rejected: {Reasons}", device.SerialNumber, result.Rejected,
                string.Join("; ", result.Errors.Take(10).Select(e => $"#{e.Index} {e.Reason}")));
        }
        // The count acknowledges every line read, rejected ones included, so the machine does not send them forever.
        return Text($"OK: {parse.Lines.Count + parse.Errors.Count}");
    }

    private static async Task<IResult> PollAsync(HttpContext http, DeviceIngestService ingest)
    {
        var device = await ingest.FindBySerialAsync(http.Request.Query["SN"].ToString(), http.RequestAborted);
        if (device is null)
        {
            return Text("Unknown device", StatusCodes.Status401Unauthorized);
        }
        await ingest.TouchAsync(device.Id, http.RequestAborted);
        return Text("OK");
    }

    private static async Task<IResult> PunchesAsync(HttpContext http, DeviceIngestService ingest)
    {
        var device = await ingest.FindByKeyAsync(http.Request.Headers["X-Device-Key"].ToString(), http.RequestAborted);
        if (device is null)
        {
            return Results.Json(new { error = "Kunci perangkat (X-Device-Key) tidak ada, tidak sah, atau sudah dicabut." }, statusCode: StatusCodes.Status401Unauthorized);
        }
        var body = await ReadBodyAsync(http);
        if (body is null)
        {
            return Results.Json(new { error = "Kiriman terlalu besar." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.Json(new { error = "Isi permintaan bukan JSON yang sah." }, statusCode: StatusCodes.Status400BadRequest);
        }
        try
        {
            var items = ingest.ParseJson(json);
            await ingest.TouchAsync(device.Id, http.RequestAborted);
            var (result, _) = await ingest.IngestAsync(items, PunchSource.DeviceApi, device, ct: http.RequestAborted);
            return Results.Json(new
            {
                accepted = result.Accepted,
                duplicated = result.Duplicated,
                rejected = result.Rejected,
                errors = result.Errors.Select(e => new { index = e.Index, pin = e.Pin, reason = e.Reason }),
            });
        }
        catch (ValidationException ex)
        {
            return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static IResult Text(string text, int status = StatusCodes.Status200OK) =>
        Results.Text(text, "text/plain", Encoding.UTF8, status);

    private static string Clean(string text) =>
        new string(text.Where(char.IsAsciiLetterOrDigit).Take(64).ToArray());
}
