using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Belu.Portal.Data.Postgres;

/// <summary>How the portal talks to PostgreSQL (Database:Provider = Postgres).</summary>
public static class PostgresDatabase
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).AddInterceptors(CaseInsensitiveLike.Instance);

    /// <summary>
    /// SQLite's LIKE ignores the case of ASCII letters, PostgreSQL's does not. Every search box of the portal was written
    /// against the former, so under PostgreSQL each LIKE the model issues becomes ILIKE and a search finds the same rows.
    /// </summary>
    private sealed class CaseInsensitiveLike : DbCommandInterceptor
    {
        public static readonly CaseInsensitiveLike Instance = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Rewrite(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Rewrite(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Rewrite(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Rewrite(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Rewrite(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Rewrite(command);
            return ValueTask.FromResult(result);
        }

        private static void Rewrite(DbCommand command)
        {
            // Values always travel as parameters, so " LIKE " in the text is the operator, never user data.
            if (command.CommandText.Contains(" LIKE ", StringComparison.Ordinal))
            {
                command.CommandText = command.CommandText.Replace(" LIKE ", " ILIKE ", StringComparison.Ordinal);
            }
        }
    }
}
