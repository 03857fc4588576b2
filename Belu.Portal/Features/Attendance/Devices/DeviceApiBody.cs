using System.Text.Json;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// The JSON body of the device API read into batch items: a malformed item becomes an item with its reason, so the
/// good ones of the same request are still stored; a body that is not an array, or too long, is refused whole.
/// </summary>
public static class DeviceApiBody
{
    /// <summary>Reads the JSON body of the device API: an array of {"pin", "timestamp"}.</summary>
    public static IReadOnlyList<RawPunch> Read(JsonElement body, OfficeClock clock)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw new ValidationException("Isi permintaan harus berupa array JSON: [{\"pin\": \"...\", \"timestamp\": \"2026-11-27T07:45:00+08:00\"}].");
        }
        if (body.GetArrayLength() > DeviceIngestService.MaxBatch)
        {
            throw new ValidationException($"Satu kiriman paling banyak {DeviceIngestService.MaxBatch} data absen.");
        }
        var items = new List<RawPunch>();
        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            items.Add(ReadItem(index++, item, clock));
        }
        return items;
    }

    private static RawPunch ReadItem(int index, JsonElement item, OfficeClock clock)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new RawPunch(index, null, null, "Data bukan objek {\"pin\", \"timestamp\"}.");
        }
        string? pin = null;
        string? timestamp = null;
        foreach (var property in item.EnumerateObject())
        {
            if (property.NameEquals("pin") || property.Name.Equals("pin", StringComparison.OrdinalIgnoreCase))
            {
                pin = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
            }
            else if (property.Name.Equals("timestamp", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                timestamp = property.Value.GetString();
            }
        }
        if (string.IsNullOrWhiteSpace(pin))
        {
            return new RawPunch(index, null, null, "PIN/NIP kosong.");
        }
        if (string.IsNullOrWhiteSpace(timestamp))
        {
            return new RawPunch(index, pin, null, "Waktu (timestamp) kosong.");
        }
        if (DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var offset)
            && HasOffset(timestamp))
        {
            return new RawPunch(index, pin, offset.UtcDateTime, null);
        }
        // Without an offset the time is the office's local time, as on the machines.
        return PunchLineParser.TryParseLocal(timestamp, out var local, out _)
            ? new RawPunch(index, pin, clock.ToUtc(local), null)
            : new RawPunch(index, pin, null, $"Waktu '{timestamp}' tidak dikenali (contoh: 2026-11-27T07:45:00+08:00).");
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':');
}
