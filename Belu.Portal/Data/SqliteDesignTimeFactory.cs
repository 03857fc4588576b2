using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Belu.Portal.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add ... --context Belu.Portal.Data.PortalDbContext</c> build the SQLite model.
/// Without it the tools would take <see cref="Postgres.PostgresDesignTimeFactory"/> for this context too
/// (design-time factories are covariant) and write PostgreSQL migrations into the SQLite folder.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UseSqlite("Data Source=design-time.db");
        return new PortalDbContext(options.Options);
    }
}
