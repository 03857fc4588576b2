using Belu.Portal.Features.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Belu.Portal.Data.Postgres;

/// <summary>
/// The same model on PostgreSQL. A type of its own so that its migrations (Data/Migrations/Postgres) live beside the
/// SQLite ones without mixing; the few SQL fragments written for SQLite are restated here for PostgreSQL.
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL folds unquoted names to lower case; the tables were created with quoted, mixed-case names.
        builder.Entity<IncomingLetter>().Property(l => l.SearchKey)
            .HasComputedColumnSql(LetterWrites.SearchKeySql("\"UnitId\"", "\"AgendaYear\"", "\"AgendaSequence\""), stored: true);
        builder.Entity<OutgoingLetter>().Property(l => l.SearchKey)
            .HasComputedColumnSql(LetterWrites.SearchKeySql("\"UnitId\"", "\"Year\"", "\"Sequence\""), stored: true);
    }
}

/// <summary>Lets <c>dotnet ef migrations add ... --context PostgresPortalDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PostgresDatabase.Configure(options, "Host=localhost;Database=belu_portal");
        return new PostgresPortalDbContext(options.Options);
    }
}
