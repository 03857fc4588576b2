using System.Diagnostics;
using Belu.Portal.Bench.Push;
using Belu.Portal.Bench.Users;

namespace Belu.Portal.Bench.Circuits;

/// <summary>
/// circuits --protocol: the same measure as <see cref="CircuitsBench"/> (the portal's resident set and GC heap per
/// circuit), with the circuits opened by <see cref="ProtocolCircuit"/>, the client 'users' drives: the prerendered page,
/// StartCircuit, every render batch acknowledged. The portal holds exactly what it holds for a browser tab; the bench
/// holds a few kilobytes per circuit instead of a Chromium page, so the goal's thousand live circuits can be measured.
/// A board counts as open once its first render arrives, an inbox once its list's chips are clickable; both as live
/// while their connection stays up.
/// </summary>
internal static class ProtocolCircuits
{
    private static readonly string[] InboxLabels = ["Belum dibaca", "Semua"];

    /// <param name="hold">Seconds to keep every circuit open after the measure, e.g. for a heap dump of the portal (dotnet-gcdump).</param>
    public static async Task<int> RunAsync(int boards, int inboxes, int batch, int hold = 0)
    {
        Console.WriteLine($"circuits: {boards} board circuits and {inboxes} inbox circuits from the protocol-level client, {batch} at a time");
        await using var portal = new BenchPortal("Production");
        await portal.StartAsync();
        var secret = await portal.CreateDisplayTokenAsync("Layar uji sirkuit");
        var uri = new Uri(portal.BaseUrl);
        var board = (await portal.RedeemDisplayTokenAsync(secret)).GetCookieHeader(uri);
        var leader = (await portal.SignInAsync("pimpinan")).GetCookieHeader(uri);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(2) };

        Task<ProtocolCircuit> OpenBoardAsync() => OpenAsync(http, portal.BaseUrl, board, "/monitor", []);
        Task<ProtocolCircuit> OpenInboxAsync() => OpenAsync(http, portal.BaseUrl, leader, "/surat/masuk", InboxLabels);

        var warm = new List<ProtocolCircuit> { await OpenBoardAsync(), await OpenBoardAsync(), await OpenInboxAsync(), await OpenInboxAsync() };
        var baseline = await CircuitsBench.MeasureAsync(portal, "baseline (4 warm-up circuits open)");
        var boardCircuits = await CircuitsBench.OpenManyAsync(boards, batch, OpenBoardAsync);
        var afterBoards = await CircuitsBench.MeasureAsync(portal, $"+{boards} board circuits");
        var inboxCircuits = await CircuitsBench.OpenManyAsync(inboxes, batch, OpenInboxAsync);
        var afterInbox = await CircuitsBench.MeasureAsync(portal, $"+{inboxes} inbox circuits");

        // Live: no connection closed and no circuit reported an error (the board's clock ticks in the browser, so a
        // board renders only when its data changes; its circuit's liveness is the connection's keep-alive).
        await Task.Delay(TimeSpan.FromSeconds(3));
        var stale = boardCircuits.Count(c => c.Failure is not null);
        var down = inboxCircuits.Concat(warm).Count(c => c.Failure is not null);
        Console.WriteLine($"check: {boards - stale}/{boards} board circuits and {inboxes + warm.Count - down}/{inboxes + warm.Count} other circuits still connected");

        Console.WriteLine();
        Console.WriteLine("| circuits | working set (VmRSS) per circuit | GC heap after full GC per circuit | live (promoted) bytes per circuit | circuits per GiB (heap) | circuits per GiB (RSS) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        CircuitsBench.PerCircuit($"board (/monitor, regency token) × {boards}, {boards + inboxes + warm.Count} live", baseline, afterBoards, boards, "circuits.board");
        CircuitsBench.PerCircuit($"inbox (/surat/masuk, Pimpinan) × {inboxes}, {boards + inboxes + warm.Count} live", afterBoards, afterInbox, inboxes, "circuits.inbox");
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        if (hold > 0)
        {
            Console.WriteLine($"holding the circuits open for {hold} s: portal pid {portal.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }
        foreach (var circuit in boardCircuits.Concat(inboxCircuits).Concat(warm))
        {
            await circuit.DisposeAsync();
        }
        return stale + down == 0 ? 0 : 1;
    }

    private static async Task<ProtocolCircuit> OpenAsync(HttpClient http, string baseUrl, string cookie, string path, string[] labels)
    {
        // On a loaded machine a circuit can miss the two-minute wait; it is closed and opened again, so the count stays exact.
        for (var attempt = 1; ; attempt++)
        {
            var circuit = new ProtocolCircuit(baseUrl, cookie, labels);
            try
            {
                await circuit.StartAsync(http, path, TimeSpan.FromMinutes(2));
                return circuit;
            }
            catch (Exception ex) when (attempt < 3 && ex is TimeoutException or InvalidOperationException or HttpRequestException)
            {
                Console.WriteLine($"  {path} did not become interactive ({ex.Message}); retrying");
                await circuit.DisposeAsync();
            }
        }
    }
}
