using Belu.Portal.Common;
using Belu.Portal.Data.Seed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Data;

public static class DataExtensions
{
    /// <summary>Registers the DbContext factory for the configured provider, the demo seeder and the database health check.</summary>
    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DatabaseOptions>(builder.Configuration, DatabaseOptions.Section);
        builder.Services.AddValidatedOptions<DemoOptions>(builder.Configuration, DemoOptions.Section);

        // Read at resolution time, not here: configuration may still be amended (tests, hosting) until Build().
        builder.Services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>((services, options) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = ConnectionString(configuration, database);
            // This instance's kept organisation tree hears of every save touching units or employees.
            if (services.GetKeyedService<ReferenceChanges>(Features.Organization.OrganizationTreeCache.SavesKey) is { } organizationSaves)
            {
                options.AddInterceptors(organizationSaves);
            }
            switch (database.Provider)
            {
                case "Sqlite":
                    options.UseSqlite(connectionString)
                        .AddInterceptors(new SqlitePragmas(database.BusyTimeoutMs), ReferenceChanges.Attendance, ReferenceChanges.Organization);
                    break;
                case "Postgres":
                    Postgres.PostgresDatabase.Configure(options, connectionString);
                    // Saves touching kept reference rows (attendance rules, the organisation) refresh the kept copies.
                    options.AddInterceptors(ReferenceChanges.Attendance, ReferenceChanges.Organization);
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Database:Provider '{database.Provider}' tidak dikenal. Gunakan 'Sqlite' atau 'Postgres'.");
            }
            // Bounded counts (Take(n).Count(): "more than 10,000", "fewer than 2,000 keys") have no order on purpose;
            // EF's warning about a row limit without an order would otherwise be logged for every list. Set here, once,
            // not in OnConfiguring: options changed per context make EF look its internal services up again each time.
            options.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        });

        builder.Services.AddDataProtection()
            .SetApplicationName("Belu.Portal")
            .PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysWithConfiguredCertificate();

        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddSingleton<WalCheckpointer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WalCheckpointer>());
        builder.Services.AddScoped<Backup.BackupService>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// The connection string with a relative SQLite file resolved against the configuration file's folder,
    /// so the database lands in the same place whatever the working directory.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, DatabaseOptions database)
    {
        var raw = configuration.GetConnectionString("Portal") ?? "Data Source=data/belu-portal.db";
        if (database.Provider != "Sqlite")
        {
            return raw;
        }
        var csb = new SqliteConnectionStringBuilder(raw);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            csb.DataSource = PortalConfiguration.ResolvePath(configuration, csb.DataSource);
        }
        return csb.ToString();
    }

    /// <summary>Applies migrations (never EnsureCreated), switches SQLite to WAL, then seeds demo data when asked.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Belu.Portal.Data");
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (db.Database.IsSqlite())
            {
                var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                var folder = Path.GetDirectoryName(file);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
                // WAL lets readers carry on while one writer commits; the setting is stored in the file.
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
                await db.Database.CloseConnectionAsync();
            }

            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migrations: {Migrations}", pending.Count, pending);
            }
            await db.Database.MigrateAsync();
            var retired = await KeyEncryption.DeleteUnencryptedKeysAsync(db);
            if (retired > 0)
            {
                logger.LogWarning("Deleted {Count} cookie keys stored without encryption; everyone signs in once more.", retired);
            }
        }
        // Created (or read) now, so a missing file is made at start and a broken one stops the start, not a sign-in.
        _ = app.Services.GetRequiredService<KeyEncryptionCertificate>().Certificate;

        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Seed)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }

    /// <summary>
    /// Hands out the context type whose migrations match the configured provider, from a pool: a context's first
    /// query otherwise builds its internal services and connection anew (about 45 KiB and a fifth of a millisecond,
    /// paid several times per check-in). A returned context is reset (tracked entities dropped, connection closed).
    /// </summary>
    private sealed class PortalDbContextFactory : IDbContextFactory<PortalDbContext>
    {
        private readonly Func<PortalDbContext> _create;
        private readonly Func<CancellationToken, Task<PortalDbContext>> _createAsync;

        public PortalDbContextFactory(DbContextOptions<PortalDbContext> options, IOptions<DatabaseOptions> database)
        {
            if (database.Value.Provider == "Postgres")
            {
                var pool = new PooledDbContextFactory<Postgres.PostgresPortalDbContext>(
                    new DbContextOptions<Postgres.PostgresPortalDbContext>(options.Extensions.ToDictionary(e => e.GetType())));
                _create = pool.CreateDbContext;
                _createAsync = async ct => await pool.CreateDbContextAsync(ct);
            }
            else
            {
                var pool = new PooledDbContextFactory<PortalDbContext>(options);
                _create = pool.CreateDbContext;
                _createAsync = pool.CreateDbContextAsync;
            }
        }

        public PortalDbContext CreateDbContext() => _create();

        public Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => _createAsync(cancellationToken);
    }

    private sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> dbFactory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                var provider = db.Database.ProviderName?.Split('.').Last() ?? "?";
                return pending == 0
                    ? HealthCheckResult.Healthy($"{provider}: terhubung, skema mutakhir")
                    : HealthCheckResult.Degraded($"{provider}: {pending} migrasi belum diterapkan");
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("Basis data tidak dapat dihubungi", ex);
            }
        }
    }
}
