using System.Runtime.CompilerServices;

namespace Belu.Portal.Tests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>
    /// Test portals never edit their configuration files, so they do not watch them: every watcher is an inotify
    /// instance, and dozens of portals started in parallel (or several suites on one machine) reach the user's limit.
    /// </summary>
    [ModuleInitializer]
    internal static void DoNotWatchConfiguration() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
