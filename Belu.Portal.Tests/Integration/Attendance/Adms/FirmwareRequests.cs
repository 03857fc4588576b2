using System.Text;

namespace Belu.Portal.Tests.Integration.Attendance.Adms;

/// <summary>One request of the push protocol as firmware sends it, read from <c>Fixtures/adms/*.txt</c>.</summary>
public sealed record FirmwareRequest(string Name, string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    /// <summary>The path and query with every <c>{KEY}</c> replaced; values in the query are URL-escaped.</summary>
    public string TargetWith(IReadOnlyDictionary<string, string> values) =>
        Fill(Target, values, Uri.EscapeDataString);

    public string BodyWith(IReadOnlyDictionary<string, string> values) => Fill(Body, values, v => v);

    internal static string Fill(string text, IReadOnlyDictionary<string, string> values, Func<string, string> escape)
    {
        foreach (var (key, value) in values)
        {
            text = text.Replace("{" + key + "}", escape(value), StringComparison.Ordinal);
        }
        return text;
    }
}

/// <summary>The fixtures of <c>Fixtures/adms</c>: the requests and the body lines a machine sends.</summary>
public static class FirmwareRequests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "adms");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name + ".txt"), Encoding.ASCII);

    /// <summary>A request file: request line, headers, a blank line, the body.</summary>
    public static FirmwareRequest Request(string name)
    {
        var text = Text(name).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split('\n');
        var body = split < 0 ? "" : text[(split + 2)..];
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .ToList();
        return new FirmwareRequest(name, requestLine[0], requestLine[1], headers, body);
    }
}
