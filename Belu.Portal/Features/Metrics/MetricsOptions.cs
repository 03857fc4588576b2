using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Claims;
using Belu.Portal.Common.Security;
using Belu.Portal.Features.Accounts;

namespace Belu.Portal.Features.Metrics;

/// <summary>The Prometheus scrape endpoint (section "Metrics"; docs/decisions/0027).</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>Whether the portal records metrics and serves <see cref="Path"/>; read once at start.</summary>
    public bool Enabled { get; set; } = true;

    [Required(AllowEmptyStrings = false, ErrorMessage = "isi dengan alamat endpoint metrik, contoh: /metrics.")]
    [RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "harus diawali '/' tanpa spasi, contoh: /metrics.")]
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// Networks (addresses or CIDR) that may scrape without signing in: the Prometheus server. Empty: only a signed-in
    /// Admin sees the metrics. Behind nginx the address is the client's only once nginx is in RateLimits:KnownProxies.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>How long the figures read from the database (outbox, machines) are kept between scrapes.</summary>
    [Range(1, 3600, ErrorMessage = "harus 1 sampai 3600 (detik).")]
    public int ReadEverySeconds { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedNetworks.Length; i++)
        {
            if (!IPNetwork.TryParse(RateLimitOptions.ProxyNetwork(AllowedNetworks[i]), out _))
            {
                yield return new ValidationResult($"'{AllowedNetworks[i]}' bukan alamat IP atau rentang CIDR; contoh: 10.0.0.7 atau 10.0.0.0/24.", [$"{nameof(AllowedNetworks)}:{i}"]);
            }
        }
    }
}

/// <summary>Who may read the metrics: a signed-in Admin from anywhere, anyone else only from an allowed network.</summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> networks)
{
    public static MetricsAccess From(MetricsOptions options) =>
        new(options.AllowedNetworks.Select(n => IPNetwork.Parse(RateLimitOptions.ProxyNetwork(n))).ToList());

    public bool Allows(IPAddress? remote, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return true;
        }
        if (remote is null)
        {
            return false;
        }
        // A dual-stack listener sees an IPv4 client as ::ffff:a.b.c.d; the settings name it as a.b.c.d.
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return networks.Any(n => n.Contains(address));
    }
}
