using Belu.Portal.Features.Letters;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

/// <summary>
/// The boxes of one's own letters (addressed to me, disposed by me, copied to me) are listed without the access probe,
/// because the access rules already let their holder read every letter in them. Every letter any box lists must open.
/// </summary>
public class LetterBoxScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("pimpinan")]
    [InlineData("agendaris")]
    [InlineData("pegawai")]
    [InlineData("kabid.aptika")]
    [InlineData("admin")]
    public async Task EveryLetterInEveryBoxOpensForItsHolder(string user)
    {
        await using var scope = await factory.ScopeForAsync(user);
        var listed = 0;
        foreach (var box in Enum.GetValues<LetterBox>())
        {
            var page = await scope.ServiceProvider.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery(box, Take: 200));
            Assert.True(page.Total >= page.Items.Count);
            foreach (var row in page.Items)
            {
                var letter = await scope.ServiceProvider.GetRequiredService<LetterQueries>().GetDetailsAsync(row.Id);
                Assert.Equal(row.Id, letter.Id);
                listed++;
            }
        }
        Assert.True(listed > 0 || user == "admin");
    }
}
