using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Tests.Domain.ElectronicLetters;

public class ChainProposalTests
{
    // An OPD (10): head 1; secretary 2; Kasubbag 3 under the secretary; staff 4 under the Kasubbag;
    // Kabid 5 under the head; staff 6 under the Kabid. The Sekda (100) of another OPD (20) is the head's superior.
    private static readonly Dictionary<int, int?> Superior = new() { [1] = 100, [2] = 1, [3] = 2, [4] = 3, [5] = 1, [6] = 5, [100] = null };
    private static readonly Dictionary<int, int> Opd = new() { [1] = 10, [2] = 10, [3] = 10, [4] = 10, [5] = 10, [6] = 10, [100] = 20 };

    private static IReadOnlyList<int> Propose(int conceptor, int signer, int? secretary = 2) =>
        ChainProposal.Verifiers(conceptor, signer, id => Superior.GetValueOrDefault(id), id => Opd.GetValueOrDefault(id), secretary);

    [Fact]
    public void StaffOfTheSecretariatGoesThroughKasubbagAndSekretarisToTheHead() =>
        Assert.Equal([3, 2], Propose(4, 1));

    [Fact]
    public void StaffOfABidangGoesThroughTheKabidThenTheSecretary() =>
        Assert.Equal([5, 2], Propose(6, 1));

    [Fact]
    public void TheSecretaryAsConceptorIsNotTheirOwnVerifier() =>
        Assert.Empty(Propose(2, 1));

    [Fact]
    public void ASignerAboveTheOpdIsReachedThroughItsHeadWithoutTheOpdsSecretary() =>
        Assert.Equal([5, 1], Propose(6, 100));

    [Fact]
    public void ASignerBesideTheChainGetsTheSuperiorsInsideTheConceptorsOpdOnly() =>
        Assert.Equal([5, 1], Propose(6, 3, secretary: null));

    [Fact]
    public void AChainWithTheConceptorOrSomeoneTwiceOrNoSignerIsRefused()
    {
        Assert.NotNull(ChainProposal.Check(4, [4], 1));
        Assert.NotNull(ChainProposal.Check(4, [3, 3], 1));
        Assert.NotNull(ChainProposal.Check(4, [3, 1], 1));
        Assert.NotNull(ChainProposal.Check(4, [3], 0));
        Assert.Null(ChainProposal.Check(4, [3, 2], 1));
    }

    [Fact]
    public void ASecretDraftIsHiddenFromALeaderOutsideTheChainButNotFromTheChain()
    {
        var led = new HashSet<int> { 10 };
        var facts = new DraftAccessFacts(4, 10, SecurityClass.Rahasia, [(3, 10), (5, 10)]);

        Assert.Equal(DraftRelation.None, DraftAccessRules.RelationOf(1, led, facts));
        Assert.Equal(DraftRelation.Chain, DraftAccessRules.RelationOf(5, new HashSet<int>(), facts));
        Assert.Equal(DraftRelation.Conceptor, DraftAccessRules.RelationOf(4, new HashSet<int>(), facts));
        Assert.Equal(DraftRelation.UnitLeader, DraftAccessRules.RelationOf(1, led, facts with { Security = SecurityClass.Biasa }));
        Assert.Equal(DraftRelation.None, DraftAccessRules.RelationOf(1, new HashSet<int> { 20 }, facts with { Security = SecurityClass.Biasa }));
    }
}
