using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace Belu.Portal.Common;

/// <summary>
/// The operator edits one file, the top-level appsettings.json. In the repository it sits one folder above the
/// web project; in a published build it sits beside the binaries. Environment variables still override it.
/// </summary>
public static class PortalConfiguration
{
    public const string FileName = "appsettings.json";

    /// <summary>Folder of the operator's configuration file; relative data paths are resolved from it.</summary>
    public static string BaseDirectory(IConfiguration configuration) =>
        configuration[BaseDirectoryKey] ?? Directory.GetCurrentDirectory();

    private const string BaseDirectoryKey = "Portal:BaseDirectory";

    public static WebApplicationBuilder AddPortalConfiguration(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var candidates = new[] { contentRoot, Path.GetFullPath(Path.Combine(contentRoot, "..")) };
        var folder = candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, FileName))) ?? contentRoot;

        if (!string.Equals(folder, contentRoot, StringComparison.Ordinal))
        {
            // Insert the operator's file where the host's own appsettings.json would be, so that
            // environment-specific files, environment variables and the command line still win.
            var sources = builder.Configuration.Sources;
            var index = sources.Select((s, i) => (s, i))
                .FirstOrDefault(x => x.s is JsonConfigurationSource { Path: FileName }).i;
            sources.Insert(index, new JsonConfigurationSource
            {
                Path = FileName,
                Optional = false,
                // As the host's own files: watched unless hostBuilder:reloadConfigOnChange says otherwise.
                ReloadOnChange = builder.Configuration.GetValue("hostBuilder:reloadConfigOnChange", true),
                FileProvider = new PhysicalFileProvider(folder),
            });
        }

        // The folder is a fact about the layout, not a setting: lowest priority, but present for path resolution.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new(BaseDirectoryKey, folder)],
        });
        return builder;
    }

    /// <summary>Resolves a path from configuration against the configuration file's folder.</summary>
    public static string ResolvePath(IConfiguration configuration, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory(configuration), path));
}
