using System.Globalization;

namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>Builds a report's download link from a page's filters; empty filters are left out.</summary>
public static class ReportLink
{
    public static string Build(string path, params (string Name, string? Value)[] parameters)
    {
        var query = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!.Trim())}").ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>ISO date, as the endpoint binds a <see cref="DateOnly"/>.</summary>
    public static string? Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One "unit=" per id, for an array parameter.</summary>
    public static IEnumerable<(string Name, string? Value)> Many(string name, IEnumerable<int> ids) =>
        ids.Select(id => (name, (string?)id.ToString(CultureInfo.InvariantCulture)));
}
