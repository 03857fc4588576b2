using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL cluster for the whole test run, started on first use and stopped when the test process ends;
/// each fixture gets a database of its own on it.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync);

    public static Task<PostgresServer> GetAsync() => Server.Value;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        // xUnit v2 has no assembly fixture: stop the cluster when the test process exits.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().GetAwaiter().GetResult();
        return server;
    }
}

/// <summary>A fresh, empty database on the shared cluster; the portal migrates and seeds it like a new site.</summary>
public sealed class PostgresTestDatabase
{
    private readonly string _name = "belu_" + Guid.NewGuid().ToString("N")[..16];
    private PostgresServer? _server;

    public string ConnectionString => _server?.ConnectionString(_name)
        ?? throw new InvalidOperationException("The test database is not created yet.");

    public async Task CreateAsync()
    {
        _server = await SharedPostgres.GetAsync();
        await using var connection = new NpgsqlConnection(_server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Points the portal at this database instead of the SQLite file.</summary>
    public void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
    }

    /// <summary>Refuses (or allows again) every new connection and ends the open ones: the server is gone, as far as the portal can tell.</summary>
    public async Task SetReachableAsync(bool reachable)
    {
        await using var connection = new NpgsqlConnection(_server!.ConnectionString("postgres"));
        await connection.OpenAsync();
        var sql = reachable
            ? $"ALTER DATABASE \"{_name}\" ALLOW_CONNECTIONS true"
            : $"ALTER DATABASE \"{_name}\" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_name}'";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }

    public async Task DropAsync()
    {
        if (_server is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
