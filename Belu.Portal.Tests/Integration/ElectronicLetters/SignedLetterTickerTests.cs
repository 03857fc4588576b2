using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>A letter signed today is announced on the boards that watch its OPD, never with a secret subject.</summary>
public class SignedLetterTickerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<IReadOnlyList<string>> TickerAsync(string unitCode)
    {
        var unit = await factory.UnitIdAsync(unitCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var lines = await scope.ServiceProvider.GetRequiredService<BoardService>().RecentEventsAsync(new BoardScope(new HashSet<int> { unit }), 50);
        return lines.Select(l => l.Text).ToList();
    }

    [Fact]
    public async Task TheKominfoBoardAnnouncesTheSignedLetterAndADinkesBoardDoesNot()
    {
        await factory.EnrolAsync("pimpinan");
        var draft = await factory.AwaitingSignatureAsync("Undangan rapat koordinasi SPBE di ticker");

        var signed = await factory.SignAsync("pimpinan", draft);

        var line = $"{draft.Signer.Position} menandatangani Surat Dinas nomor {signed.Number} \"Undangan rapat koordinasi SPBE di ticker\".";
        Assert.Contains(line, await TickerAsync("DISKOMINFO"));
        Assert.DoesNotContain(line, await TickerAsync("DINKES"));
    }

    [Fact]
    public async Task ASecretLetterIsAnnouncedWithoutItsSubject()
    {
        await factory.EnrolAsync("pimpinan");
        var draft = await factory.AwaitingSignatureAsync("Rencana mutasi rahasia di ticker", SecurityClass.Rahasia);

        var signed = await factory.SignAsync("pimpinan", draft);

        var ticker = await TickerAsync("DISKOMINFO");
        Assert.Contains($"{draft.Signer.Position} menandatangani Surat Dinas nomor {signed.Number}.", ticker);
        Assert.DoesNotContain(ticker, l => l.Contains("mutasi rahasia", StringComparison.Ordinal));
    }
}
