using System.Diagnostics;

namespace Belu.Portal.Bench.Rush;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's packages on a loopback port (as the test suite starts one), with
/// synchronous_commit = off: a commit is not flushed to disk before the answer, which is what SQLite's WAL with
/// synchronous = NORMAL does too, so the two are compared at the same durability. As root the server runs as 'postgres'.
/// </summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    private const string Password = "belu-bench";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "belu-rush-pg-" + Guid.NewGuid().ToString("N"));
    private string _bin = "";

    public int Port { get; } = PortalHost.FreePort();

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Password={Password};Pooling=true;Maximum Pool Size=50";

    public async Task StartAsync()
    {
        var version = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().LastOrDefault() : null;
        if (version is null || !File.Exists(Path.Combine(version, "bin", "postgres")))
        {
            throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql (or pass --pg \"<connection string>\").");
        }
        _bin = Path.Combine(version, "bin");
        var passwordFile = Path.Combine(Path.GetTempPath(), "belu-rush-pw-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(passwordFile, Password);
        Directory.CreateDirectory(_data);
        var root = Environment.UserName == "root";
        if (root)
        {
            await RunAsync($"chown -R postgres:postgres {_data} {passwordFile}");
        }
        await AsServerUserAsync($"{_bin}/initdb -D {_data} -U postgres --pwfile={passwordFile} -A scram-sha-256 -E UTF8 --locale=C.UTF-8 > /dev/null");
        File.Delete(passwordFile);
        var options = $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={_data} -c synchronous_commit=off -c max_connections=300 -c shared_buffers=256MB";
        await AsServerUserAsync($"{_bin}/pg_ctl -D {_data} -o \"{options}\" -l {_data}/server.log -w -t 60 start > /dev/null");
    }

    public async ValueTask DisposeAsync()
    {
        if (_bin.Length > 0 && Directory.Exists(_data))
        {
            await AsServerUserAsync($"{_bin}/pg_ctl -D {_data} -m fast -w stop > /dev/null");
            await RunAsync($"rm -rf {_data}");
        }
    }

    private static Task AsServerUserAsync(string command) =>
        RunAsync(Environment.UserName == "root" ? $"runuser -u postgres -- bash -c '{command.Replace("'", "'\\''")}'" : command);

    private static async Task RunAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({process.ExitCode}): {error}");
        }
    }
}
