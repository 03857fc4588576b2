using System.Data.Common;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// Writes entities straight into their table, with the columns, names and value conversions the portal's own EF
/// model gives them (so a seeded row reads back exactly as one the portal wrote), without change tracking: one
/// prepared INSERT re-bound per row on SQLite, a binary COPY on PostgreSQL. Computed columns are left to the
/// database, and database triggers (the letters' full-text index) fire as for the portal's own inserts. Keys are
/// the caller's: integer keys are given explicitly, and <see cref="ResetSequenceAsync"/> moves PostgreSQL's identity
/// on afterwards.
/// </summary>
internal static class ModelBulkWriter
{
    /// <summary>Rows per transaction on SQLite: large enough to amortise the commit, small enough to keep the WAL short.</summary>
    private const int SqliteChunk = 50_000;

    public static async Task<long> WriteAsync<T>(PortalDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return 0;
        }
        var first = enumerator.Current;
        rows = Rest(first, enumerator);
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetComputedColumnSql(store) is null && !LeftToDatabase(p, first))
            .Select(p => (Property: p, Name: p.GetColumnName(store)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToArray();
        await db.Database.OpenConnectionAsync(ct);
        return db.Database.IsNpgsql()
            ? await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), table, columns, rows, ct)
            : await InsertAsync(db.Database.GetDbConnection(), table, columns, rows, ct);
    }

    /// <summary>An identity key the rows leave unset (0): the database numbers them.</summary>
    private static bool LeftToDatabase<T>(IProperty property, T first) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd
        && property.GetGetter().GetClrValue(first!) is int or long && Convert.ToInt64(property.GetGetter().GetClrValue(first!), System.Globalization.CultureInfo.InvariantCulture) == 0;

    private static IEnumerable<T> Rest<T>(T first, IEnumerator<T> enumerator)
    {
        yield return first;
        while (enumerator.MoveNext())
        {
            yield return enumerator.Current;
        }
    }

    /// <summary>After explicit integer keys on PostgreSQL, the identity continues after the largest.</summary>
    public static async Task ResetSequenceAsync<T>(PortalDbContext db, string keyColumn = "Id") where T : class
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        // Names from the portal's own model, not from input.
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
        var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{keyColumn}'), (SELECT COALESCE(MAX(\"{keyColumn}\"), 1) FROM \"{table}\"))";
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<long> InsertAsync<T>(DbConnection connection, string table, (IProperty Property, string Name, RelationalTypeMapping Mapping)[] columns,
        IEnumerable<T> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) =>
        {
            // The mapping configures the parameter as EF would (a Guid as TEXT, an enum as its number).
            var p = c.Mapping.CreateParameter(command, "@p" + i, null, c.Property.IsNullable);
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        long written = 0;
        DbTransaction? transaction = null;
        try
        {
            foreach (var row in rows)
            {
                if (transaction is null)
                {
                    transaction = await connection.BeginTransactionAsync(ct);
                    command.Transaction = transaction;
                    command.Prepare();
                }
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = ProviderValue(columns[i], row) ?? DBNull.Value;
                }
                command.ExecuteNonQuery();
                if (++written % SqliteChunk == 0)
                {
                    await transaction.CommitAsync(ct);
                    await transaction.DisposeAsync();
                    transaction = null;
                }
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
        return written;
    }

    /// <summary>Rows per COPY: each one ends with the server's index work, which must finish inside the importer's timeout.</summary>
    private const int CopyChunk = 500_000;

    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, string table, (IProperty Property, string Name, RelationalTypeMapping Mapping)[] columns,
        IEnumerable<T> rows, CancellationToken ct)
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        long written = 0;
        NpgsqlBinaryImporter? import = null;
        try
        {
            foreach (var row in rows)
            {
                if (import is null)
                {
                    import = await connection.BeginBinaryImportAsync(sql, ct);
                    import.Timeout = TimeSpan.FromHours(1);
                }
                await import.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    var value = ProviderValue(column, row);
                    if (value is null)
                    {
                        await import.WriteNullAsync(ct);
                    }
                    else
                    {
                        await import.WriteAsync(value, column.Mapping.StoreType, ct);
                    }
                }
                if (++written % CopyChunk == 0)
                {
                    await import.CompleteAsync(ct);
                    await import.DisposeAsync();
                    import = null;
                }
            }
            if (import is not null)
            {
                await import.CompleteAsync(ct);
            }
        }
        finally
        {
            if (import is not null)
            {
                await import.DisposeAsync();
            }
        }
        return written;
    }

    private static object? ProviderValue<T>((IProperty Property, string Name, RelationalTypeMapping Mapping) column, T row)
    {
        var value = column.Property.GetGetter().GetClrValue(row!);
        if (value is null)
        {
            return null;
        }
        var converter = column.Mapping.Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }
}
