using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Belu.Portal.Data;

/// <summary>Every SQLite connection waits for a busy writer instead of failing at once.</summary>
internal sealed class SqlitePragmas(int busyTimeoutMs) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
        return command;
    }
}
