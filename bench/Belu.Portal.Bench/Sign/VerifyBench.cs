using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Belu.Portal.Processes;
using Microsoft.Data.Sqlite;

namespace Belu.Portal.Bench.Sign;

/// <summary>
/// The public verification page, /verifikasi/{code}, N times over the demo's signed letters, one request after another
/// on a kept-alive connection to the portal as its own process (Production, the operator's appsettings.json). The
/// server time is the portal's own "Request finished … ms" log line per request (ASP.NET Core's hosting diagnostics);
/// the client time adds the loopback. The per-address limit on the page is raised for the run.
/// </summary>
public static partial class VerifyBench
{
    public const string Usage = "verify [count=2000]   p50/p95 server time of the public verification page /verifikasi/{code}";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var root = Path.Combine(Path.GetTempPath(), "belu-bench-verify-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var database = Path.Combine(root, "portal.db");
        var server = new ConcurrentQueue<double>();
        await using var portal = new PortalProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = $"Data Source={database}",
            ["Storage__Root"] = Path.Combine(root, "storage"),
            ["DataProtection__CertificatePath"] = Path.Combine(root, "keys", "dataprotection.pfx"),
            ["Demo__Seed"] = "true",
            ["Demo__SignedLetters"] = "true",
            ["Demo__IncomingLetters"] = "20",
            ["RateLimits__VerifyPerMinute"] = "100000000",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        }, PortalProcess.PortalDirectory, line =>
        {
            if (Finished().Match(line) is { Success: true } m)
            {
                server.Enqueue(double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture));
            }
        });
        await portal.StartAsync(TimeSpan.FromMinutes(5));
        var codes = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT VerificationCode FROM SignedLetters";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                codes.Add(reader.GetString(0));
            }
        }
        if (codes.Count == 0)
        {
            Console.Error.WriteLine("verify: the demo has no signed letter (is Demo:SignedLetters off?)");
            return 1;
        }

        using var client = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        var clientMs = new List<double>(count);
        var failures = 0;
        for (var i = -20; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/verifikasi/{codes[(i + 20) % codes.Count]}");
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (i >= 0)
            {
                clientMs.Add(watch.Elapsed.TotalMilliseconds);
                failures += response.IsSuccessStatusCode ? 0 : 1;
            }
        }
        // The log lines arrive on the portal's output a moment after the responses.
        for (var wait = 0; wait < 50 && server.Count < count + 20; wait++)
        {
            await Task.Delay(100);
        }
        var times = server.Skip(20).Order().ToList();
        clientMs.Sort();
        static double P(List<double> t, double q) => t.Count == 0 ? double.NaN : t[Math.Min(t.Count - 1, (int)Math.Ceiling(q * t.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verify: {count} requests over {codes.Count} letters, {failures} failed; server p50 {P(times, 0.50):F2} ms, p95 {P(times, 0.95):F2} ms, max {(times.Count > 0 ? times[^1] : double.NaN):F2} ms ({times.Count} logged); "
            + $"client p50 {P(clientMs, 0.50):F2} ms, p95 {P(clientMs, 0.95):F2} ms"));
        return failures == 0 ? 0 : 1;
    }

    [GeneratedRegex(@"Request finished HTTP/\S+ GET \S*/verifikasi/\S+ - (?<status>\d{3}) .* (?<ms>[0-9.]+)ms\s*$")]
    private static partial Regex Finished();
}
