using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Belu.Portal.Bench.Users;

/// <summary>
/// A page as the server prerendered it, read as blazor.web.js reads it: the interactive server components' start
/// markers (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>, in the order of their sequence) and the persisted
/// component state (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>) that goes with the first root-component update.
/// </summary>
internal sealed partial record PrerenderedPage(string Url, IReadOnlyList<JsonObject> ServerMarkers, string ApplicationState)
{
    public static async Task<PrerenderedPage> GetAsync(HttpClient http, string url, string cookieHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return Parse(url, await response.Content.ReadAsStringAsync());
    }

    public static PrerenderedPage Parse(string url, string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in MarkerPattern().Matches(html))
        {
            // End markers carry only the prerender id; start markers carry the type and the protected descriptor.
            if (JsonNode.Parse(WebUtility.HtmlDecode(match.Groups[1].Value)) is JsonObject marker
                && marker["type"]?.GetValue<string>() == "server")
            {
                markers.Add(marker);
            }
        }
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"GET {url}: no interactive server component in the page (signed out?)");
        }
        markers.Sort((a, b) => a["sequence"]!.GetValue<int>().CompareTo(b["sequence"]!.GetValue<int>()));
        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        return new PrerenderedPage(url, markers, state);
    }

    /// <summary>
    /// The first UpdateRootComponents operation batch: an "add" per server marker, numbered as blazor.web.js numbers
    /// them (its SSR component ids and unique ids count from 1 and 0 in document order).
    /// </summary>
    public string AddOperationsJson()
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            var marker = (JsonObject)ServerMarkers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            });
        }
        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([a-zA-Z0-9+/=]+)-->")]
    private static partial Regex StatePattern();
}
