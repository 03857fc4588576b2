using Belu.Portal.Common;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.Organization.Acting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Domain.Organization;

public class ActingRulesTests
{
    private const int Kadis = 1, Sekretaris = 2, Kabid = 3;
    private static readonly DateOnly Monday = new(2026, 12, 7), Friday = new(2026, 12, 11);

    private static ActingSpan Plh(DateOnly from, DateOnly to, bool cancelled = false, int head = Kadis, int acting = Sekretaris) =>
        new(1, head, acting, ActingKind.Plh, "Kepala Dinas Komunikasi dan Informatika", from, to, cancelled);

    [Fact]
    public void ThePlhActsForTheHeadFromTheFirstDayThroughTheLast()
    {
        ActingSpan[] week = [Plh(Monday, Friday)];
        Assert.Equal(Kadis, ActingRules.ActorFor(week, Kadis, Monday.AddDays(-1)));
        Assert.Equal(Sekretaris, ActingRules.ActorFor(week, Kadis, Monday));
        Assert.Equal(Sekretaris, ActingRules.ActorFor(week, Kadis, Friday));
        Assert.Equal(Kadis, ActingRules.ActorFor(week, Kadis, Friday.AddDays(1)));
    }

    [Fact]
    public void ACancelledAppointmentActsForNobody()
    {
        Assert.Equal(Kadis, ActingRules.ActorFor([Plh(Monday, Friday, cancelled: true)], Kadis, Monday));
        Assert.Empty(ActingRules.PostsOf([Plh(Monday, Friday, cancelled: true)], Sekretaris, Monday));
    }

    [Fact]
    public void AnotherPostsAppointmentDoesNotMoveThisHeadsItems()
    {
        Assert.Equal(Kadis, ActingRules.ActorFor([Plh(Monday, Friday, head: Kabid)], Kadis, Monday));
    }

    [Theory]
    // The office's calendar day is WITA (UTC+8): 15:59:59 UTC on Friday is 23:59:59 WITA, still Friday; a second later it is Saturday.
    [InlineData("2026-12-11T15:59:59Z", Sekretaris)]
    [InlineData("2026-12-11T16:00:00Z", Kadis)]
    // Sunday 16:00 UTC is Monday 00:00 WITA: the range has begun.
    [InlineData("2026-12-06T15:59:59Z", Kadis)]
    [InlineData("2026-12-06T16:00:00Z", Sekretaris)]
    public void TheRangeEdgesAreWitaMidnights(string utc, int expected)
    {
        var clock = new OfficeClock(new FakeTimeProvider(DateTimeOffset.Parse(utc)), Options.Create(new OfficeOptions { TimeZone = "Asia/Makassar" }));
        Assert.Equal(expected, ActingRules.ActorFor([Plh(Monday, Friday)], Kadis, clock.Today));
    }

    [Fact]
    public void NoOneActsForHimself()
    {
        var errors = ActingRules.Check(Kadis, Kadis, Monday, Friday, Monday, [], [], "Kadis");
        Assert.Contains("jabatannya sendiri", errors["ActingEmployeeId"]);
    }

    [Fact]
    public void ARangeThatBeganYesterdayIsRefusedOneThatBeginsTodayIsNot()
    {
        Assert.Contains("sudah lewat", ActingRules.Check(Kadis, Sekretaris, Monday.AddDays(-1), Friday, Monday, [], [], "Sekretaris")["From"]);
        Assert.Empty(ActingRules.Check(Kadis, Sekretaris, Monday, Monday, Monday, [], [], "Sekretaris"));
    }

    [Fact]
    public void AnEndBeforeTheStartIsRefused() =>
        Assert.Contains("sebelum tanggal mulai", ActingRules.Check(Kadis, Sekretaris, Friday, Monday, Monday, [], [], "Sekretaris")["To"]);

    [Theory]
    [InlineData(0, 4, true)]    // the same week
    [InlineData(4, 8, true)]    // shares its Friday
    [InlineData(5, 9, false)]   // begins the Saturday after
    [InlineData(-3, -1, false)] // ended the Saturday before
    public void TwoAppointmentsForOnePostMayNotOverlapByADay(int fromOffset, int toOffset, bool refused)
    {
        var errors = ActingRules.Check(Kadis, Kabid, Monday.AddDays(fromOffset), Monday.AddDays(toOffset), Monday.AddDays(-7),
            [Plh(Monday, Friday)], [], "Kabid");
        Assert.Equal(refused, errors.ContainsKey("From"));
    }

    [Fact]
    public void AnActingOfficialOnApprovedLeaveInTheRangeIsRefused()
    {
        var errors = ActingRules.Check(Kadis, Sekretaris, Monday, Friday, Monday, [], [new AbsenceSpan("dinas luar (dl)", Friday, Friday.AddDays(3))], "Drs. Sekretaris");
        Assert.Contains("Drs. Sekretaris sedang dinas luar", errors["ActingEmployeeId"]);
        Assert.Empty(ActingRules.Check(Kadis, Sekretaris, Monday, Friday, Monday, [], [new AbsenceSpan("cuti (c)", Friday.AddDays(1), Friday.AddDays(3))], "S"));
    }

    [Fact]
    public void SomeoneWhosePostIsHeldByAnotherInTheRangeCannotActForAThird()
    {
        var errors = ActingRules.Check(Kadis, Kabid, Monday, Friday, Monday, [Plh(Friday, Friday, head: Kabid, acting: 9)], [], "Kabid");
        Assert.Contains("sendiri digantikan", errors["ActingEmployeeId"]);
    }

    [Fact]
    public void TheCapacityIsTheKindBeforeThePost() =>
        Assert.Equal("Plt. Kepala Badan Keuangan Daerah", ActingRules.Capacity(ActingKind.Plt, "Kepala Badan Keuangan Daerah"));

    [Fact]
    public void ByDefaultAnActingOfficialDecidesDutySickAndPermissionButNotLeave()
    {
        var options = new ActingOptions();
        Assert.True(options.MayDecide(RequestKind.DL));
        Assert.True(options.MayDecide(RequestKind.S));
        Assert.True(options.MayDecide(RequestKind.I));
        Assert.False(options.MayDecide(RequestKind.C));
        Assert.All(Enum.GetValues<ElectronicLetterKind>(), k => Assert.True(options.MaySign(k)));
        Assert.False(new ActingOptions { ReservedLetterKinds = ["suratedaran"] }.MaySign(ElectronicLetterKind.SuratEdaran));
    }
}
