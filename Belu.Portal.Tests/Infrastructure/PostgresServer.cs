using System.Globalization;
using System.Net.Sockets;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's packages, on a loopback port, in a temporary folder; started for the
/// tests and stopped after them. As root the server runs as the 'postgres' system user, as PostgreSQL requires.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Password = "belu-test";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "belu-pg-" + Guid.NewGuid().ToString("N"));
    private string _bin = "";

    public int Port { get; } = Packages.FreePort();

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Password={Password};Pooling=true;Maximum Pool Size=20";

    public async Task InitializeAsync()
    {
        var existing = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().LastOrDefault() : null;
        if (existing is null || !File.Exists(Path.Combine(existing, "bin", "postgres")))
        {
            await Packages.EnsureAsync("/usr/bin/psql", "postgresql");
            existing = Directory.GetDirectories("/usr/lib/postgresql").Order().Last();
            // Debian's package creates and may start a 'main' cluster on port 5432; the tests use their own, so stop it again.
            await Packages.RunAsync("pg_lsclusters -h | awk '$4 == \"online\" { print $1, $2 }' | while read v c; do pg_ctlcluster \"$v\" \"$c\" stop || true; done");
        }
        _bin = Path.Combine(existing, "bin");
        var passwordFile = Path.Combine(Path.GetTempPath(), "belu-pg-pw-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(passwordFile, Password);
        Directory.CreateDirectory(_dataDirectory);
        await AsServerUserAsync($"chown -R postgres:postgres {_dataDirectory} {passwordFile}", asRoot: true);
        await AsServerUserAsync($"{_bin}/initdb -D {_dataDirectory} -U postgres --pwfile={passwordFile} -A scram-sha-256 -E UTF8 --locale=C.UTF-8 > /dev/null");
        File.Delete(passwordFile);
        var options = $"-c listen_addresses=127.0.0.1 -c port={Port.ToString(CultureInfo.InvariantCulture)} -c unix_socket_directories={_dataDirectory} -c fsync=off -c synchronous_commit=off -c max_connections=200";
        await AsServerUserAsync($"{_bin}/pg_ctl -D {_dataDirectory} -o \"{options}\" -l {_dataDirectory}/server.log -w -t 30 start > /dev/null");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_bin.Length > 0 && Directory.Exists(_dataDirectory))
        {
            // One shell for both steps: when this runs at process exit, the folder still goes even if the test host ends first.
            var stop = $"{_bin}/pg_ctl -D {_dataDirectory} -m immediate -w stop > /dev/null";
            await Packages.RunAsync((Environment.UserName == "root" ? $"runuser -u postgres -- {stop}" : stop) + $"; rm -rf {_dataDirectory}");
        }
    }

    private static Task<string> AsServerUserAsync(string command, bool asRoot = false)
    {
        var root = Environment.UserName == "root";
        if (asRoot)
        {
            return root ? Packages.RunAsync(command) : Task.FromResult("");
        }
        return Packages.RunAsync(root ? $"runuser -u postgres -- bash -c '{command.Replace("'", "'\\''")}'" : command);
    }
}
