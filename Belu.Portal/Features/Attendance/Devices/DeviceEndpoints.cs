using System.Text;
using System.Text.Json;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// Endpoints for machines. They sit outside cookie authentication and antiforgery: each authenticates the device
/// itself (for ADMS an approved serial number sending from its network, see <see cref="MachineGate"/>; an API key for
/// the JSON endpoint).
/// </summary>
public static class DeviceEndpoints
{
    internal const int MaxBodyBytes = 2 * 1024 * 1024;

    public static void MapDeviceEndpoints(this WebApplication app)
    {
        app.MapAdms();
        app.MapPost("/api/absensi/punches", PunchesAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static async Task<IResult> PunchesAsync(HttpContext http, ApiDevices devices, DeviceIngestService ingest, MachineJournal journal, OfficeClock clock)
    {
        var device = await devices.FindByKeyAsync(http.Request.Headers["X-Device-Key"].ToString(), http.RequestAborted);
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
            var items = DeviceApiBody.Read(json, clock);
            await devices.TouchAsync(device.Id, http.RequestAborted);
            var address = MachineNetworks.Describe(http.Connection.RemoteIpAddress);
            var (result, _) = await ingest.IngestAsync(items, PunchSource.DeviceApi, device, ct: http.RequestAborted, address: address);
            await journal.RecordUploadAsync(device, PunchSource.DeviceApi, address, result, http.RequestAborted);
            return Results.Json(new
            {
                accepted = result.Accepted,
                duplicated = result.Duplicated,
                parked = result.Parked,
                rejected = result.Rejected,
                errors = result.Errors.Select(e => new { index = e.Index, pin = e.Pin, reason = e.Reason }),
            });
        }
        catch (ValidationException ex)
        {
            return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    internal static async Task<string?> ReadBodyAsync(HttpContext http)
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

}
