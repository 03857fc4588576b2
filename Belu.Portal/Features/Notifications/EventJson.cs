using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Belu.Portal.Features.Notifications;

/// <summary>
/// Envelopes as JSON for the scale-out bus. Every concrete <see cref="PortalEvent"/> of the portal is known by its
/// type name, so features add events without registering them; an unknown type (a newer instance during a
/// rolling upgrade) is skipped, not fatal.
/// </summary>
public static class EventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Type> Types = typeof(PortalEvent).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(PortalEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name);

    public static string Serialize(EventEnvelope envelope, string origin) => new JsonObject
    {
        ["origin"] = origin,
        ["type"] = envelope.Event.GetType().Name,
        ["event"] = JsonSerializer.SerializeToNode(envelope.Event, envelope.Event.GetType(), Options),
        ["userIds"] = JsonSerializer.SerializeToNode(envelope.UserIds, Options),
        ["opdId"] = envelope.OpdId,
    }.ToJsonString();

    /// <summary>The envelope and the instance that sent it, or null when the event type is not known here.</summary>
    public static (EventEnvelope Envelope, string Origin)? Deserialize(string json, IReadOnlyDictionary<string, Type>? extraTypes = null)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var typeName = node["type"]!.GetValue<string>();
        if (!Types.TryGetValue(typeName, out var type) && (extraTypes is null || !extraTypes.TryGetValue(typeName, out type)))
        {
            return null;
        }
        var portalEvent = (PortalEvent)node["event"]!.Deserialize(type, Options)!;
        var userIds = node["userIds"]?.Deserialize<List<string>>(Options) ?? [];
        var opdId = node["opdId"]?.GetValue<int?>();
        return (new EventEnvelope(portalEvent, userIds, opdId), node["origin"]!.GetValue<string>());
    }
}
