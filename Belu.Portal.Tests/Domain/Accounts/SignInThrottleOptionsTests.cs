using Belu.Portal.Features.Accounts.SignInThrottling;

namespace Belu.Portal.Tests.Domain.Accounts;

public class SignInThrottleOptionsTests
{
    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(10, 32)]
    [InlineData(11, 60)]
    [InlineData(1000, 60)]
    public void TheWaitDoublesFromTheFifthFailureUpToAnHour(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), new SignInThrottleOptions().DelayAfter(failures));
    }
}
