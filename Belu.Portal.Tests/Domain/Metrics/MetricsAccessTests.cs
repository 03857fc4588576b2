using System.Net;
using System.Security.Claims;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Metrics;

namespace Belu.Portal.Tests.Domain.Metrics;

public class MetricsAccessTests
{
    private static readonly MetricsAccess Access = MetricsAccess.From(new MetricsOptions { AllowedNetworks = ["10.20.0.7", "192.168.50.0/24"] });

    private static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    private static ClaimsPrincipal In(string role) => new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "cookie"));

    [Theory]
    [InlineData("10.20.0.7", true)]
    [InlineData("10.20.0.8", false)]
    [InlineData("192.168.50.200", true)]
    [InlineData("192.168.51.1", false)]
    [InlineData("::ffff:10.20.0.7", true)]
    [InlineData("127.0.0.1", false)]
    public void AnAllowedNetworkNeedsNoSignIn(string address, bool allowed) =>
        Assert.Equal(allowed, Access.Allows(IPAddress.Parse(address), Anonymous));

    [Fact]
    public void AnAdminReadsFromAnywhereAndNoOtherRoleDoes()
    {
        Assert.True(Access.Allows(IPAddress.Parse("172.16.0.1"), In(Roles.Admin)));
        Assert.True(Access.Allows(null, In(Roles.Admin)));
        foreach (var role in new[] { Roles.Pimpinan, Roles.Agendaris, Roles.Pegawai, Roles.Display })
        {
            Assert.False(Access.Allows(IPAddress.Parse("172.16.0.1"), In(role)));
        }
        Assert.False(Access.Allows(null, Anonymous));
    }

    [Fact]
    public void WithNoNetworkConfiguredOnlyAdminsRead() =>
        Assert.False(MetricsAccess.From(new MetricsOptions()).Allows(IPAddress.Loopback, Anonymous));

    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("prometheus.local")]
    public void ANetworkThatIsNotAnAddressIsRefusedAtStart(string network)
    {
        var options = new MetricsOptions { AllowedNetworks = [network] };
        Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }
}
