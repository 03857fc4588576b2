using Belu.Portal.Features.Accounts;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Accounts;

/// <summary>Counts password checks, the cost that told known user names from unknown ones.</summary>
public sealed class CountingHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new();
    private int _verifications;

    public int Verifications => _verifications;

    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingHasherPortalFactory : PortalFactory
{
    public CountingHasher Hasher { get; } = new();

    public CountingHasherPortalFactory() => WithServices(s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher));
}

/// <summary>An unknown user name costs the same password check as a known one with a wrong password.</summary>
public class SignInTimingTests(CountingHasherPortalFactory factory) : IClassFixture<CountingHasherPortalFactory>
{
    private async Task<int> ChecksForAsync(string login)
    {
        var client = factory.CreateBrowserLikeClient();
        var before = factory.Hasher.Verifications;
        await client.PostLoginAsync(login, "Salah#12345678");
        return factory.Hasher.Verifications - before;
    }

    [Fact]
    public async Task AnUnknownUserNameCostsAPasswordCheckLikeAKnownOne()
    {
        var known = await ChecksForAsync("agendaris");
        var unknown = await ChecksForAsync("tidak.ada.orangnya");
        Assert.True(known >= 1);
        Assert.Equal(known, unknown);
    }
}
