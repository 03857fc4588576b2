using System.Net;
using System.Net.Sockets;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>
/// The networks an approved machine may send from: addresses or CIDR ranges, comma-separated
/// (<c>10.20.3.17</c>, <c>10.20.3.0/24</c>, <c>127.0.0.0/8, ::1</c>). A bare address is that one address.
/// </summary>
public static class MachineNetworks
{
    /// <summary>The address as stored and compared: IPv4 written as IPv4 even when it arrived mapped into IPv6.</summary>
    public static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    public static string Describe(IPAddress? address) => Normalize(address)?.ToString() ?? "tidak diketahui";

    /// <summary>Parses the list; null with a message in Bahasa Indonesia when an entry is not an address or a range.</summary>
    public static IReadOnlyList<IPNetwork>? TryParse(string? text, out string? error)
    {
        error = null;
        var entries = (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            error = "Isi jaringan mesin: alamat IP (mis. 10.20.3.17) atau rentang CIDR (mis. 10.20.3.0/24).";
            return null;
        }
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var single) && Normalize(single) is { } plain)
            {
                networks.Add(new IPNetwork(plain, plain.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                error = $"'{entry}' bukan alamat IP atau rentang CIDR yang sah (contoh: 10.20.3.17 atau 10.20.3.0/24).";
                return null;
            }
        }
        return networks;
    }

    public static bool Allows(string? allowed, IPAddress? address)
    {
        if (Normalize(address) is not { } plain || TryParse(allowed, out _) is not { } networks)
        {
            return false;
        }
        return networks.Any(n => n.Contains(plain));
    }

    /// <summary>The one-address network an approval defaults to: the address the machine was seen from.</summary>
    public static string? DefaultFor(string? seen) =>
        IPAddress.TryParse(seen, out var address) && Normalize(address) is { } plain
            ? $"{plain}/{(plain.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)}"
            : null;
}
