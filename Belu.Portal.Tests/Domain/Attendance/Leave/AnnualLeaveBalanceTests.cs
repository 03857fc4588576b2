using Belu.Portal.Features.Attendance.Leave.Domain;

namespace Belu.Portal.Tests.Domain.Attendance.Leave;

/// <summary>The carry-over of PP 11/2017 Pasal 313, checked against hand computations (docs/domain/leave.md, "Worked example").</summary>
public class AnnualLeaveBalanceTests
{
    private static readonly CarryOverRule Rule = new(AnnualDays: 12, CarryOverDays: 6, CarryOverTwoYears: true);

    private static Func<int, LeaveYear> Years(Dictionary<int, int> taken, int? cutiBesarYear = null, int entitledFrom = 2000) =>
        year => new LeaveYear(year, year >= entitledFrom, taken.GetValueOrDefault(year), year == cutiBesarYear);

    [Fact]
    public void ThreeYearsWithCarryOverMatchTheHandComputation()
    {
        // 2023: 12, takes 4, 8 left. 2024: 12 + 6 carried (8 capped), takes 10: the 6 carried first, then 4 of 2024's.
        // 2025: 12 + 6 (2024 left 8, capped), takes nothing: 18. 2026: 12 + 6 (2025 left 12, capped); 2024 used days,
        // so nothing of it reaches 2026; takes 3 from the carried 6.
        var balances = AnnualLeaveBalance.Compute(2023, 2026, Years(new() { [2023] = 4, [2024] = 10, [2025] = 0, [2026] = 3 }), null, Rule);

        Assert.Equal(
            [
                new AnnualBalance(2023, RightN: 12, RightN1: 0, RightN2: 0, Taken: 4, LeftN: 8, LeftN1: 0, LeftN2: 0, Overdrawn: 0),
                new AnnualBalance(2024, 12, 6, 0, 10, LeftN: 8, LeftN1: 0, LeftN2: 0, 0),
                new AnnualBalance(2025, 12, 6, 0, 0, LeftN: 12, LeftN1: 6, LeftN2: 0, 0),
                new AnnualBalance(2026, 12, 6, 0, 3, LeftN: 12, LeftN1: 3, LeftN2: 0, 0),
            ],
            balances);
        Assert.Equal(15, balances[^1].Left);
    }

    [Fact]
    public void TwoYearsWithoutCutiTahunanGiveTwentyFourDays()
    {
        var balance = AnnualLeaveBalance.For(2027, 2023, Years(new() { [2023] = 4, [2024] = 10 }), null, Rule);

        Assert.Equal((12, 6, 6), (balance.RightN, balance.RightN1, balance.RightN2));
        Assert.Equal(24, balance.Left);
    }

    [Fact]
    public void OneYearWithoutCutiTahunanAfterAYearWithItGivesEighteen()
    {
        var balance = AnnualLeaveBalance.For(2026, 2023, Years(new() { [2024] = 1 }), null, Rule);

        Assert.Equal((12, 6, 0), (balance.RightN, balance.RightN1, balance.RightN2));
        Assert.Equal(18, balance.Left);
    }

    [Fact]
    public void WithoutTheTwoYearRuleOnlyTheLastYearCarries()
    {
        var balance = AnnualLeaveBalance.For(2027, 2023, Years([]), null, Rule with { CarryOverTwoYears = false });

        Assert.Equal(18, balance.Left);
    }

    [Fact]
    public void DaysTakenComeOffTheOldestRightFirst()
    {
        var balance = AnnualLeaveBalance.For(2027, 2023, Years(new() { [2027] = 8 }), null, Rule);

        Assert.Equal((LeftN: 12, LeftN1: 4, LeftN2: 0), (balance.LeftN, balance.LeftN1, balance.LeftN2));
    }

    [Fact]
    public void CutiBesarForfeitsThatYearsRightAndWhatWasCarriedIntoIt()
    {
        var years = Years([], cutiBesarYear: 2025);

        var during = AnnualLeaveBalance.For(2025, 2023, years, null, Rule);
        var after = AnnualLeaveBalance.For(2026, 2023, years, null, Rule);

        Assert.Equal(0, during.Right);
        Assert.Equal((12, 0, 0), (after.RightN, after.RightN1, after.RightN2));
    }

    [Fact]
    public void NoCutiTahunanBeforeAYearOfService()
    {
        var years = Years([], entitledFrom: 2026);

        Assert.Equal(0, AnnualLeaveBalance.For(2025, 2023, years, null, Rule).Right);
        Assert.Equal(12, AnnualLeaveBalance.For(2026, 2023, years, null, Rule).Right);
    }

    [Fact]
    public void YearsBeforeTheFirstRecordedYearCarryNothing()
    {
        var balance = AnnualLeaveBalance.For(2025, 2025, Years([]), null, Rule);

        Assert.Equal(12, balance.Right);
    }

    [Fact]
    public void AnOpeningBalanceReplacesTheYearsThePortalDidNotRecord()
    {
        var opening = new LeaveOpening(2026, CarriedFromN1: 6, CarriedFromN2: 3, TakenBeforeGoLive: 2);

        var first = AnnualLeaveBalance.For(2026, 2023, Years(new() { [2026] = 4 }), opening, Rule);
        var next = AnnualLeaveBalance.For(2027, 2023, Years(new() { [2026] = 4 }), opening, Rule);

        // 6 taken: the 3 carried from N-2 first, then 3 of the 6 from N-1; the year's own 12 stay whole.
        Assert.Equal((LeftN: 12, LeftN1: 3, LeftN2: 0), (first.LeftN, first.LeftN1, first.LeftN2));
        Assert.Equal(6, first.Taken);
        Assert.Equal((12, 6, 0), (next.RightN, next.RightN1, next.RightN2));
    }

    [Fact]
    public void AnOpeningBalanceAfterTheYearAskedForIsIgnored()
    {
        var opening = new LeaveOpening(2027, 6, 6, 0);

        Assert.Equal(18, AnnualLeaveBalance.For(2026, 2023, Years(new() { [2024] = 1 }), opening, Rule).Left);
    }

    [Fact]
    public void TakingMoreThanTheRightIsShownAsOverdrawnNotAsANegativeBalance()
    {
        var balance = AnnualLeaveBalance.For(2025, 2025, Years(new() { [2025] = 14 }), null, Rule);

        Assert.Equal((0, 2), (balance.Left, balance.Overdrawn));
    }
}
