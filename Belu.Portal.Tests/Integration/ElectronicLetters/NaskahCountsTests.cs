using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.Letters;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>The dashboard's naskah counters count what their links show.</summary>
public class NaskahCountsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<NaskahCounts> CountsAsync(string user) => factory.AsAsync(user, sp => sp.GetRequiredService<NaskahCountsQuery>().ForMeAsync());

    [Fact]
    public async Task ADraftAwaitingTheKadisCountsForHimUntilHeSignsIt()
    {
        await factory.EnrolAsync("pimpinan");
        var before = await CountsAsync("pimpinan");

        var draft = await factory.AwaitingSignatureAsync("Permohonan data untuk penghitung dasbor");
        var waiting = await CountsAsync("pimpinan");
        Assert.Equal(before.ToSign + 1, waiting.ToSign);
        Assert.Equal(before.ToInitial, waiting.ToInitial);
        Assert.Equal(0, (await CountsAsync("pegawai")).ToSign);

        await factory.SignAsync("pimpinan", draft);
        Assert.Equal(before.ToSign, (await CountsAsync("pimpinan")).ToSign);
    }

    [Fact]
    public async Task SignedNotSentIsWhatTheOutgoingRegistersBelumDikirimFilterLists()
    {
        var counts = await CountsAsync("pimpinan");
        var listed = await factory.AsAsync("pimpinan", sp => sp.GetRequiredService<OutgoingLetterService>().SearchAsync(new OutgoingQuery(Sent: false)));
        Assert.Equal(listed.Total, counts.SignedNotSent);
        Assert.True(counts.SignedNotSent > 0, "the demo's outgoing register holds letters not sent yet");
    }
}
