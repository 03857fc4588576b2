using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Belu.Portal.Bench.Rush;

/// <summary>
/// The physical limit of this stack on this machine: bare Kestrel (slim builder, no middleware) with one endpoint that
/// reads the device endpoint's JSON body and inserts the same shape of row into the same kind of SQLite file (WAL,
/// synchronous = NORMAL, busy timeout 5 s, opened per request from the pool as the portal does), answering as the
/// device endpoint answers. No authentication, no lookups beyond an in-memory PIN table, no rules.
/// </summary>
internal sealed class BaselineServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _connectionString;

    private BaselineServer(WebApplication app, string connectionString, int port)
    {
        _app = app;
        _connectionString = connectionString;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static async Task<BaselineServer> StartAsync(string file, IReadOnlyDictionary<string, int> employeeByPin)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            // The portal's Punches table, its unique (employee, instant) index and its instant index.
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE Punches (Id TEXT NOT NULL PRIMARY KEY, EmployeeId INTEGER NOT NULL, AtUtc TEXT NOT NULL, Source INTEGER NOT NULL,
                    DeviceId TEXT NULL, Pin TEXT NULL, RecordedUtc TEXT NOT NULL, IpAddress TEXT NULL);
                CREATE UNIQUE INDEX IX_Punches_EmployeeId_AtUtc ON Punches (EmployeeId, AtUtc);
                CREATE INDEX IX_Punches_AtUtc ON Punches (AtUtc);
                """;
            await create.ExecuteNonQueryAsync();
        }

        var port = PortalHost.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var device = Guid.CreateVersion7().ToString().ToUpperInvariant();
        app.MapPost("/punch", async (HttpContext http) =>
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var accepted = 0;
            var duplicated = 0;
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(http.RequestAborted);
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
                await pragmas.ExecuteNonQueryAsync(http.RequestAborted);
            }
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var pin = item.GetProperty("pin").GetString()!;
                var at = DateTimeOffset.Parse(item.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture).UtcDateTime;
                await using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO Punches (Id, EmployeeId, AtUtc, Source, DeviceId, Pin, RecordedUtc, IpAddress)
                    VALUES ($id, $employee, $at, 3, $device, $pin, $now, NULL) ON CONFLICT DO NOTHING
                    """;
                insert.Parameters.AddWithValue("$id", Guid.CreateVersion7().ToString().ToUpperInvariant());
                insert.Parameters.AddWithValue("$employee", employeeByPin[pin]);
                insert.Parameters.AddWithValue("$at", at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$device", device);
                insert.Parameters.AddWithValue("$pin", pin);
                insert.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                if (await insert.ExecuteNonQueryAsync(http.RequestAborted) == 1)
                {
                    accepted++;
                }
                else
                {
                    duplicated++;
                }
            }
            return Results.Json(new { accepted, duplicated, rejected = 0 });
        });
        await app.StartAsync();
        return new BaselineServer(app, connectionString, port);
    }

    public async Task<int> CountAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Punches";
        return Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
