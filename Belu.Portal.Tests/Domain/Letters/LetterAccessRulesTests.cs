using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Tests.Domain.Letters;

public class LetterAccessRulesTests
{
    // Units: 10 = Diskominfo (20, 21 its bidang), 30 = Dinkes. People: 1 Kadis, 2 Kabid (20), 3 staff (20), 4 clerk, 5 Kabid (21), 9 outsider.
    private const int Kominfo = 10;

    private static LetterViewer Leader(int id, params int[] units) => new(id, units.ToHashSet(), null);

    private static LetterViewer Staff(int id) => new(id, new HashSet<int>(), null);

    private static LetterAccessFacts Letter(SecurityClass security = SecurityClass.Biasa, DispositionEdge[]? dispositions = null, int[]? copies = null) =>
        new(Kominfo, security, AddresseeId: 1, dispositions ?? [], copies ?? []);

    [Fact]
    public void TheAddresseeAndTheTreeAreParticipants()
    {
        var letter = Letter(SecurityClass.SangatRahasia, [new(1, 2, 20, DispositionStatus.Dibaca), new(2, 3, 20, DispositionStatus.Baru)]);
        Assert.Equal(LetterRelation.Participant, LetterAccessRules.RelationOf(Leader(1, Kominfo, 20, 21), letter));
        Assert.Equal(LetterRelation.Participant, LetterAccessRules.RelationOf(Leader(2, 20), letter));
        Assert.Equal(LetterRelation.Participant, LetterAccessRules.RelationOf(Staff(3), letter));
    }

    [Fact]
    public void ACancelledDispositionGivesNoAccess() =>
        Assert.Equal(LetterRelation.None, LetterAccessRules.RelationOf(Staff(3), Letter(dispositions: [new(1, 3, 20, DispositionStatus.Dibatalkan)])));

    [Fact]
    public void ALeaderSeesTheLettersOfHisUnitsAndThoseDisposedIntoThem()
    {
        Assert.Equal(LetterRelation.Oversight, LetterAccessRules.RelationOf(Leader(7, 0, Kominfo), Letter()));
        Assert.Equal(LetterRelation.Oversight, LetterAccessRules.RelationOf(Leader(5, 21),
            Letter(dispositions: [new(1, 8, 21, DispositionStatus.Baru)])));
        Assert.Equal(LetterRelation.None, LetterAccessRules.RelationOf(Leader(5, 21), Letter(dispositions: [new(1, 2, 20, DispositionStatus.Baru)])));
    }

    [Fact]
    public void NobodySeesAnotherUnitsLetters()
    {
        Assert.Equal(LetterRelation.None, LetterAccessRules.RelationOf(Leader(9, 30), Letter()));
        Assert.Equal(LetterRelation.None, LetterAccessRules.RelationOf(new LetterViewer(9, new HashSet<int>(), 30), Letter()));
        Assert.Equal(LetterRelation.None, LetterAccessRules.RelationOf(Staff(3), Letter()));
    }

    [Fact]
    public void TheClerkOfTheRegisterSeesOrdinaryLettersOnly()
    {
        var clerk = new LetterViewer(4, new HashSet<int>(), Kominfo);
        Assert.Equal(LetterRelation.Registry, LetterAccessRules.RelationOf(clerk, Letter(SecurityClass.Terbatas)));
        Assert.Equal(LetterRelation.None, LetterAccessRules.RelationOf(clerk, Letter(SecurityClass.Rahasia)));
    }

    [Theory]
    [InlineData(SecurityClass.Rahasia)]
    [InlineData(SecurityClass.SangatRahasia)]
    public void ASecretLetterIsHiddenFromLeadersOutsideItsTree(SecurityClass security) =>
        Assert.Equal(LetterRelation.None, LetterAccessRules.RelationOf(Leader(7, 0, Kominfo), Letter(security, [new(1, 2, 20, DispositionStatus.Baru)])));

    [Fact]
    public void CopyHoldersReadEvenSecretLetters()
    {
        Assert.Equal(LetterRelation.Copy, LetterAccessRules.RelationOf(Staff(5), Letter(copies: [5])));
        Assert.Equal(LetterRelation.Copy, LetterAccessRules.RelationOf(Staff(5), Letter(SecurityClass.Rahasia, copies: [5])));
    }

    [Fact]
    public void SubordinatesAreFoundUpTheChainOfSuperiors()
    {
        var superiors = new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2, [5] = 1, [9] = null, [10] = 11, [11] = 10 };
        Assert.True(LetterAccessRules.IsSubordinate(2, 1, superiors));
        Assert.True(LetterAccessRules.IsSubordinate(3, 1, superiors));
        Assert.False(LetterAccessRules.IsSubordinate(1, 2, superiors));
        Assert.False(LetterAccessRules.IsSubordinate(5, 2, superiors));
        Assert.False(LetterAccessRules.IsSubordinate(9, 1, superiors));
        Assert.False(LetterAccessRules.IsSubordinate(2, 2, superiors));
        Assert.False(LetterAccessRules.IsSubordinate(10, 1, superiors));
    }
}
