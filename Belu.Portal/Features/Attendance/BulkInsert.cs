using System.Data.Common;
using System.Globalization;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// One prepared INSERT re-bound for every row on SQLite (in-process, so a row costs microseconds); batches of rows
/// in one round trip on PostgreSQL. The demo history goes in within a second or two either way.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private const int BatchSize = 500;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly DbCommand _command;
    private readonly bool _sqlite;
    private readonly string _batchSql;
    private DbBatch? _batch;

    public BulkInsert(DbConnection connection, DbTransaction transaction, bool sqlite, string table, string[] columns)
    {
        _connection = connection;
        _transaction = transaction;
        _sqlite = sqlite;
        // Quoted names: PostgreSQL would fold them to lower case; SQLite accepts them as they are.
        var insert = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        _batchSql = insert + $"({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))})";
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = insert + $"({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        if (sqlite)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var p = _command.CreateParameter();
                p.ParameterName = "@p" + i;
                _command.Parameters.Add(p);
            }
            _command.Prepare();
        }
    }

    public void Add(params object?[] values)
    {
        if (_sqlite)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = SqliteValue(values[i]);
            }
            _command.ExecuteNonQuery();
            return;
        }
        if (_batch is null)
        {
            _batch = _connection.CreateBatch();
            _batch.Transaction = _transaction;
        }
        var row = _batch.CreateBatchCommand();
        row.CommandText = _batchSql;
        foreach (var value in values)
        {
            var p = row.CreateParameter();
            p.Value = PostgresValue(value);
            row.Parameters.Add(p);
        }
        _batch.BatchCommands.Add(row);
        if (_batch.BatchCommands.Count >= BatchSize)
        {
            Flush();
        }
    }

    /// <summary>Sends the rows still waiting in the current batch.</summary>
    public void Flush()
    {
        if (_batch is { BatchCommands.Count: > 0 })
        {
            _batch.ExecuteNonQuery();
        }
        _batch?.Dispose();
        _batch = null;
    }

    public void Dispose()
    {
        _batch?.Dispose();
        _command.Dispose();
    }

    // The text forms EF Core's SQLite provider uses, so the rows read back like any other.
    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    // Npgsql maps the CLR types itself; timestamptz only takes instants marked UTC.
    private static object PostgresValue(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        _ => value,
    };
}
