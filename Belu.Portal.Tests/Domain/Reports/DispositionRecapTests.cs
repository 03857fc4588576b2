using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Reports.Letters;

namespace Belu.Portal.Tests.Domain.Reports;

public class DispositionRecapTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Monday = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    private static DispositionFact Fact(int unit, DispositionStatus status, DateOnly? deadline = null, double? finishedAfterDays = null) =>
        new(unit, unit * 10, status, deadline, Monday, finishedAfterDays is double d ? Monday.AddDays(d) : null);

    [Fact]
    public void EachDispositionIsFinishedInProgressOrOverdueAndCancelledOnesDoNotCount()
    {
        var facts = new[]
        {
            Fact(1, DispositionStatus.Selesai, Today.AddDays(-3), 2),
            Fact(1, DispositionStatus.Selesai, null, 3.5),
            Fact(1, DispositionStatus.Baru, Today),
            Fact(1, DispositionStatus.Dibaca, Today.AddDays(-1)),
            Fact(1, DispositionStatus.Diproses, null),
            Fact(1, DispositionStatus.Dibatalkan, Today.AddDays(-9)),
            Fact(2, DispositionStatus.Diproses, Today.AddDays(-1)),
        };

        var lines = DispositionRecap.By(facts, f => f.ToUnitId, Today).ToDictionary(l => l.Key);

        Assert.Equal(new DispositionRecapLine(1, Received: 5, Finished: 2, InProgress: 2, Overdue: 1, MeanDaysToFinish: 2.75m), lines[1]);
        Assert.Equal(new DispositionRecapLine(2, 1, 0, 0, 1, null), lines[2]);
    }

    [Fact]
    public void TheDeadlineDayItselfIsStillOnTimeAndTheMeanIsRoundedToTwoDecimals()
    {
        var facts = new[]
        {
            Fact(1, DispositionStatus.Dibaca, Today),
            Fact(1, DispositionStatus.Selesai, null, 1.0 / 3),
        };
        var line = Assert.Single(DispositionRecap.By(facts, f => f.ToEmployeeId, Today));
        Assert.Equal(10, line.Key);
        Assert.Equal(0, line.Overdue);
        Assert.Equal(1, line.InProgress);
        Assert.Equal(0.33m, line.MeanDaysToFinish);
    }
}
