using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Tests.Domain.Letters;

public class LetterStateRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static DispositionSnapshot D(DispositionStatus status, int? deadlineOffset = null) =>
        new(status, deadlineOffset is int o ? Today.AddDays(o) : null);

    [Fact]
    public void ALetterWithoutDispositionsIsNotDisposed() =>
        Assert.Equal(LetterState.BelumDidisposisi, LetterStateRules.Derive([], Today));

    [Fact]
    public void OnlyCancelledDispositionsCountAsNotDisposed() =>
        Assert.Equal(LetterState.BelumDidisposisi, LetterStateRules.Derive([D(DispositionStatus.Dibatalkan, -5)], Today));

    [Theory]
    [InlineData(DispositionStatus.Baru)]
    [InlineData(DispositionStatus.Dibaca)]
    [InlineData(DispositionStatus.Diproses)]
    public void AnOpenDispositionWithoutDeadlineIsInProgress(DispositionStatus status) =>
        Assert.Equal(LetterState.DalamProses, LetterStateRules.Derive([D(status)], Today));

    [Fact]
    public void EveryBranchDoneIsSelesai() =>
        Assert.Equal(LetterState.Selesai, LetterStateRules.Derive([D(DispositionStatus.Selesai, -3), D(DispositionStatus.Selesai), D(DispositionStatus.Dibatalkan)], Today));

    [Fact]
    public void OneOpenBranchKeepsTheLetterInProgress() =>
        Assert.Equal(LetterState.DalamProses, LetterStateRules.Derive([D(DispositionStatus.Selesai), D(DispositionStatus.Diproses, 2)], Today));

    [Theory]
    [InlineData(0, LetterState.DalamProses)]
    [InlineData(1, LetterState.DalamProses)]
    [InlineData(-1, LetterState.Terlambat)]
    [InlineData(-30, LetterState.Terlambat)]
    public void TheDeadlineDayIsStillOnTimeTheDayAfterIsLate(int offset, LetterState expected) =>
        Assert.Equal(expected, LetterStateRules.Derive([D(DispositionStatus.Dibaca, offset)], Today));

    [Fact]
    public void AFinishedBranchPastItsDeadlineIsNotLate() =>
        Assert.Equal(LetterState.Selesai, LetterStateRules.Derive([D(DispositionStatus.Selesai, -10)], Today));

    [Fact]
    public void ACancelledBranchPastItsDeadlineIsNotLate() =>
        Assert.Equal(LetterState.DalamProses, LetterStateRules.Derive([D(DispositionStatus.Dibatalkan, -10), D(DispositionStatus.Baru, 3)], Today));

    [Fact]
    public void TheEarliestOpenDeadlineDecides()
    {
        var summary = LetterStateRules.Summarize([D(DispositionStatus.Baru, 5), D(DispositionStatus.Diproses, -1), D(DispositionStatus.Selesai, -9), D(DispositionStatus.Dibaca)]);
        Assert.Equal(new LetterSummary(LetterState.DalamProses, Today.AddDays(-1)), summary);
        Assert.Equal(LetterState.Terlambat, LetterStateRules.FromSummary(summary, Today));
        Assert.Equal(LetterState.DalamProses, LetterStateRules.FromSummary(summary, Today.AddDays(-1)));
    }

    [Fact]
    public void TheStoredSummaryAgreesWithTheTreeForEveryCombination()
    {
        var statuses = Enum.GetValues<DispositionStatus>();
        int?[] offsets = [null, -2, -1, 0, 1];
        var singles = statuses.SelectMany(s => offsets.Select(o => D(s, o))).ToList();
        foreach (var a in singles)
        {
            foreach (var b in singles)
            {
                DispositionSnapshot[] tree = [a, b];
                foreach (var today in new[] { Today.AddDays(-3), Today, Today.AddDays(3) })
                {
                    Assert.Equal(LetterStateRules.Derive(tree, today), LetterStateRules.FromSummary(LetterStateRules.Summarize(tree), today));
                }
            }
        }
    }

    [Theory]
    [InlineData(DispositionStatus.Baru, -1, true)]
    [InlineData(DispositionStatus.Diproses, -1, true)]
    [InlineData(DispositionStatus.Dibaca, 0, false)]
    [InlineData(DispositionStatus.Selesai, -1, false)]
    [InlineData(DispositionStatus.Dibatalkan, -1, false)]
    public void ASingleDispositionIsLateOnlyWhenOpenAfterItsDeadline(DispositionStatus status, int offset, bool late) =>
        Assert.Equal(late, LetterStateRules.IsOverdue(status, Today.AddDays(offset), Today));

    [Fact]
    public void NoDeadlineIsNeverLate() =>
        Assert.False(LetterStateRules.IsOverdue(DispositionStatus.Baru, null, Today));
}
