using Belu.Portal.Common;
using Belu.Portal.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Belu.Portal.Tests.Integration.Platform;

public sealed class ConfigurationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "belu-config-" + Guid.NewGuid().ToString("N"));

    public ConfigurationTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "Belu.Portal"));
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """
            { "Office": { "RegencyName": "Dari berkas operator", "TimeZone": "Asia/Makassar" },
              "ConfigurationTests": { "Overridden": "dari berkas" },
              "ConnectionStrings": { "Portal": "Data Source=data/uji.db" } }
            """);
    }

    [Fact]
    public void TheTopLevelFileIsReadAndEnvironmentVariablesOverrideIt()
    {
        Environment.SetEnvironmentVariable("ConfigurationTests__Overridden", "dari lingkungan");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.Combine(_root, "Belu.Portal") });
            builder.AddPortalConfiguration();
            Assert.Equal("Dari berkas operator", builder.Configuration["Office:RegencyName"]);
            Assert.Equal("dari lingkungan", builder.Configuration["ConfigurationTests:Overridden"]);
            Assert.Equal(_root, PortalConfiguration.BaseDirectory(builder.Configuration));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConfigurationTests__Overridden", null);
        }
    }

    [Fact]
    public void ARelativeDatabaseFileIsPlacedBesideTheConfigurationFile()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.Combine(_root, "Belu.Portal") });
        builder.AddPortalConfiguration();
        var connection = DataExtensions.ConnectionString(builder.Configuration, new DatabaseOptions());
        Assert.Contains(Path.Combine(_root, "data", "uji.db"), connection);
    }

    public void Dispose() => Directory.Delete(_root, true);
}
