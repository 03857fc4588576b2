using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Tests.Domain.Letters;

/// <summary>The stored access set must answer exactly as the rules do, for every letter and every viewer.</summary>
public class LetterGrantRulesTests
{
    [Fact]
    public void TheGrantsAgreeWithTheRulesForRandomLettersAndViewers()
    {
        var random = new Random(20261129);
        var checkedPairs = 0;
        var seen = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var letter = RandomLetter(random);
            var grants = LetterGrantRules.For(letter);
            for (var j = 0; j < 20; j++)
            {
                var viewer = RandomViewer(random);
                var expected = LetterAccessRules.RelationOf(viewer, letter) != LetterRelation.None;
                Assert.True(expected == LetterGrantRules.Sees(LetterGrantRules.Of(viewer), grants),
                    $"viewer {viewer.EmployeeId} led [{string.Join(",", viewer.LedUnits)}] agenda {viewer.AgendaUnitId}; letter unit {letter.UnitId} {letter.Security}");
                checkedPairs++;
                seen += expected ? 1 : 0;
            }
        }
        // Both answers occur often enough that the comparison means something.
        Assert.InRange(seen, checkedPairs / 10, checkedPairs * 9 / 10);
    }

    [Fact]
    public void AClerkDoesNotSeeOtherUnitsLettersDisposedIntoHisUnit()
    {
        var clerk = new LetterViewer(4, new HashSet<int>(), AgendaUnitId: 20);
        var letter = new LetterAccessFacts(30, SecurityClass.Biasa, 1, [new(1, 2, 20, DispositionStatus.Baru)], []);
        Assert.False(LetterGrantRules.Sees(LetterGrantRules.Of(clerk), LetterGrantRules.For(letter)));
        Assert.True(LetterGrantRules.Sees(LetterGrantRules.Of(clerk), LetterGrantRules.For(letter with { UnitId = 20 })));
    }

    [Fact]
    public void ASecretLetterHasNoUnitGrants()
    {
        var letter = new LetterAccessFacts(10, SecurityClass.Rahasia, 1, [new(1, 2, 20, DispositionStatus.Baru)], [7]);
        Assert.Equal(
            new[] { new LetterGrantKey(GrantKind.Person, 1), new(GrantKind.Person, 2), new(GrantKind.Person, 7) },
            LetterGrantRules.For(letter).OrderBy(k => k.PrincipalId));
    }

    private static LetterAccessFacts RandomLetter(Random r)
    {
        var dispositions = Enumerable.Range(0, r.Next(0, 5))
            .Select(_ => new DispositionEdge(r.Next(1, 12), r.Next(1, 12), r.Next(1, 8), (DispositionStatus)r.Next(0, 5)))
            .ToArray();
        var copies = Enumerable.Range(0, r.Next(0, 3)).Select(_ => r.Next(1, 12)).ToArray();
        return new LetterAccessFacts(r.Next(1, 8), (SecurityClass)r.Next(0, 4), r.Next(1, 12), dispositions, copies);
    }

    private static LetterViewer RandomViewer(Random r) => new(
        r.Next(1, 12),
        Enumerable.Range(0, r.Next(0, 4)).Select(_ => r.Next(1, 8)).ToHashSet(),
        r.Next(0, 3) == 0 ? r.Next(1, 8) : null);
}
