using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>One running portal (on a real port) and one Chromium, shared by the browser journeys.</summary>
public sealed class BrowserFixture : PortalBrowserFixture<KestrelPortalFactory>
{
    /// <summary>Screenshots land beside the test binaries; set BELU_SCREENSHOTS to collect them elsewhere.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("BELU_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
