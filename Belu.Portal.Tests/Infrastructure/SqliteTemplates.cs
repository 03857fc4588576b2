using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// A SQLite database migrated (and seeded with the demo, where the setup asks for it) once per test run and setup,
/// then copied into each portal's own folder: a class pays a file copy instead of ~40 migrations and the demo seed of
/// ~300 employees, letters and a month of attendance. Each class still has its own file, so none sees another's data.
/// </summary>
internal static class SqliteTemplates
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "belu-portal-tests", "templates-" + Guid.NewGuid().ToString("N"));

    private static readonly ConcurrentDictionary<(PortalClock Clock, bool Seed, bool Production), Lazy<(string Database, string Certificate)>> Made = new();

    static SqliteTemplates()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A copy still running at exit; the temp folder is cleaned by the OS.
            }
        };
    }

    /// <summary>
    /// Puts the setup's template database at <paramref name="database"/>, and the template's key-encryption certificate
    /// at <paramref name="certificate"/> (a fresh 3072-bit RSA key costs about a second of CPU per class), making the
    /// template first if this run has none yet.
    /// </summary>
    public static void CopyTo(PortalSetup setup, string database, string certificate)
    {
        var key = (setup.Clock, setup.SeedDemo, setup.Production);
        // Made on the thread pool: the waiting test threads must not be the ones the portal's start needs.
        var template = Made.GetOrAdd(key, k => new Lazy<(string, string)>(() => Task.Run(() => Make(k)).GetAwaiter().GetResult())).Value;
        File.Copy(template.Database, database);
        Directory.CreateDirectory(Path.GetDirectoryName(certificate)!);
        File.Copy(template.Certificate, certificate);
    }

    private static (string Database, string Certificate) Make((PortalClock Clock, bool Seed, bool Production) key)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{key.Clock}-{(key.Seed ? "demo" : "empty")}-{(key.Production ? "production" : "development")}";
        var path = Path.Combine(Folder, name + ".db");
        var certificate = Path.Combine(Folder, name + ".pfx");
        using var portal = PortalFactory.Create(new PortalSetup { Clock = key.Clock, SeedDemo = key.Seed, Production = key.Production, FreshDatabase = true });
        // Only the start (migrations, then the demo seed) and the server: the background jobs run in each copy's own
        // portal, as before.
        portal.WithServices(services =>
        {
            foreach (var job in services.Where(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationType?.FullName != "Microsoft.AspNetCore.Hosting.GenericWebHostService").ToList())
            {
                services.Remove(job);
            }
        });
        _ = portal.Services;
        File.Copy(portal.KeyCertificatePath, certificate);
        using var source = new SqliteConnection($"Data Source={portal.DatabasePath};Pooling=False");
        using var copy = new SqliteConnection($"Data Source={path};Pooling=False");
        source.Open();
        copy.Open();
        // The backup API copies a consistent database whatever the write-ahead log holds.
        source.BackupDatabase(copy);
        return (path, certificate);
    }
}
