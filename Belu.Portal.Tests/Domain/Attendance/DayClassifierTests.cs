using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Tests.Domain.Attendance;

public class DayClassifierTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);
    private static readonly DateOnly Friday = new(2026, 11, 27);
    private static readonly DaySchedule MonThu = new(new(7, 30), new(16, 0), new(6, 0), new(12, 0), new(18, 0));
    private static readonly DaySchedule Fri = new(new(7, 30), new(16, 30), new(6, 0), new(12, 0), new(18, 0));

    private static DayResult Closed(DaySchedule? schedule, params string[] punches) =>
        DayClassifier.Classify(new DayInput(Thursday, schedule, DayPhase.Closed, punches.Select(p => TimeOnly.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList()), ClassificationRules.Default);

    [Theory]
    [InlineData("07:00:00", AttendanceCode.H, 0)]
    [InlineData("07:30:00", AttendanceCode.H, 0)]
    [InlineData("07:30:59", AttendanceCode.H, 0)]
    [InlineData("07:31:00", AttendanceCode.TL1, 1)]
    [InlineData("08:00:00", AttendanceCode.TL1, 30)]
    [InlineData("08:00:59", AttendanceCode.TL1, 30)]
    [InlineData("08:01:00", AttendanceCode.TL2, 31)]
    [InlineData("08:30:00", AttendanceCode.TL2, 60)]
    [InlineData("08:31:00", AttendanceCode.TL3, 61)]
    [InlineData("09:00:00", AttendanceCode.TL3, 90)]
    [InlineData("09:01:00", AttendanceCode.TL4, 91)]
    [InlineData("11:59:00", AttendanceCode.TL4, 269)]
    public void CheckInTimeGivesTheLateBand(string checkIn, AttendanceCode expected, int minutes)
    {
        var result = Closed(MonThu, checkIn, "16:05:00");
        Assert.Equal(expected, result.Code);
        Assert.Equal(minutes, result.LateMinutes);
        Assert.Null(result.Early);
    }

    [Fact]
    public void CheckInAt0730And59SecondsIsOnTimeAnd0731IsOneMinuteLate()
    {
        Assert.Equal(AttendanceCode.H, Closed(MonThu, "07:30:59", "16:00:00").Code);
        var late = Closed(MonThu, "07:31:00", "16:00:00");
        Assert.Equal(AttendanceCode.TL1, late.Code);
        Assert.Equal(1, late.LateMinutes);
    }

    [Theory]
    [InlineData("16:00:00", null, 0)]
    [InlineData("15:59:59", AttendanceCode.PSW1, 1)]
    [InlineData("15:59:01", AttendanceCode.PSW1, 1)]
    [InlineData("15:59:00", AttendanceCode.PSW1, 1)]
    [InlineData("15:30:00", AttendanceCode.PSW1, 30)]
    [InlineData("15:30:59", AttendanceCode.PSW1, 30)]
    [InlineData("15:29:59", AttendanceCode.PSW2, 31)]
    [InlineData("15:29:05", AttendanceCode.PSW2, 31)]
    [InlineData("15:29:00", AttendanceCode.PSW2, 31)]
    [InlineData("15:00:00", AttendanceCode.PSW2, 60)]
    [InlineData("14:59:00", AttendanceCode.PSW3, 61)]
    [InlineData("14:30:00", AttendanceCode.PSW3, 90)]
    [InlineData("14:29:00", AttendanceCode.PSW4, 91)]
    public void CheckOutTimeGivesTheEarlyBand(string checkOut, AttendanceCode? expected, int minutes)
    {
        var result = Closed(MonThu, "07:15:00", checkOut);
        Assert.Equal(expected, result.Early);
        Assert.Equal(minutes, result.EarlyMinutes);
        Assert.Equal(expected ?? AttendanceCode.H, result.Code);
    }

    [Fact]
    public void LateAndEarlyOnTheSameDayAreBothKept()
    {
        var result = Closed(MonThu, "08:10:00", "15:10:00");
        Assert.Equal(AttendanceCode.TL2, result.Code);
        Assert.Equal(AttendanceCode.PSW2, result.Early);
        Assert.Equal("TL2·PSW2", result.Display);
        Assert.Equal([AttendanceCode.TL2, AttendanceCode.PSW2], result.CountedCodes);
    }

    [Fact]
    public void NoCheckInButACheckOutIsTL4()
    {
        var result = Closed(MonThu, "16:05:00");
        Assert.Equal(AttendanceCode.TL4, result.Code);
        Assert.Null(result.CheckIn);
        Assert.Equal(new TimeOnly(16, 5), result.CheckOut);
        Assert.Null(result.Early);
    }

    [Fact]
    public void NoCheckOutIsPSW4OnceTheDayIsClosed()
    {
        var result = Closed(MonThu, "07:10:00");
        Assert.Equal(AttendanceCode.H, result.Late ?? AttendanceCode.H);
        Assert.Equal(AttendanceCode.PSW4, result.Early);
        Assert.Equal(AttendanceCode.PSW4, result.Code);
    }

    [Fact]
    public void NoCheckOutWhileTheDayIsOpenIsNotYetPSW()
    {
        var open = DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Open, [new(7, 10)], Now: new(10, 0)), ClassificationRules.Default);
        Assert.Equal(AttendanceCode.H, open.Code);
        Assert.Null(open.Early);
        var evening = DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Open, [new(7, 10)], Now: new(18, 1)), ClassificationRules.Default);
        Assert.Equal(AttendanceCode.PSW4, evening.Early);
    }

    [Fact]
    public void AnEarlyPunchWhileTheDayIsOpenIsNotFinal()
    {
        var open = DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Open, [new(7, 10), new(12, 5)], Now: new(12, 10)), ClassificationRules.Default);
        Assert.Equal(AttendanceCode.H, open.Code);
        Assert.Null(open.Early);
    }

    [Fact]
    public void NoPunchIsTKOnlyOnceTheDayIsClosed()
    {
        Assert.Equal(AttendanceCode.TK, Closed(MonThu).Code);
        var open = DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Open, [], Now: new(9, 0)), ClassificationRules.Default);
        Assert.Equal(AttendanceCode.Belum, open.Code);
        var future = DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Future, []), ClassificationRules.Default);
        Assert.Equal(AttendanceCode.Belum, future.Code);
    }

    [Fact]
    public void PunchesOutsideTheWindowsDoNotCount()
    {
        Assert.Equal(AttendanceCode.TK, Closed(MonThu, "05:59:59", "18:01:00").Code);
        Assert.Equal(AttendanceCode.H, Closed(MonThu, "06:00:00", "18:00:00").Code);
    }

    [Fact]
    public void AHolidayOrAWeekendIsNeverAbsence()
    {
        var holiday = DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Closed, [], HolidayName: "Cuti bersama"), ClassificationRules.Default);
        Assert.Equal(AttendanceCode.Libur, holiday.Code);
        Assert.Empty(holiday.CountedCodes);
        Assert.Equal(AttendanceCode.Libur, Closed(null).Code);
        Assert.Equal(AttendanceCode.Libur, Closed(null, "09:00:00").Code);
    }

    [Fact]
    public void FridayEndsAt1630()
    {
        DayResult OnFriday(string checkOut) => DayClassifier.Classify(
            new DayInput(Friday, Fri, DayPhase.Closed, [new(7, 20), TimeOnly.Parse(checkOut, System.Globalization.CultureInfo.InvariantCulture)]), ClassificationRules.Default);
        Assert.Equal(AttendanceCode.H, OnFriday("16:30:00").Code);
        Assert.Equal(AttendanceCode.PSW1, OnFriday("16:29:00").Code);
        Assert.Equal(AttendanceCode.PSW1, OnFriday("16:00:00").Code);
        Assert.Equal(30, OnFriday("16:00:00").EarlyMinutes);
    }

    [Fact]
    public void RamadanScheduleStartsAt0800()
    {
        var ramadan = new DaySchedule(new(8, 0), new(15, 0), new(6, 0), new(12, 0), new(18, 0));
        Assert.Equal(AttendanceCode.H, Closed(ramadan, "07:55:00", "15:00:00").Code);
        Assert.Equal(AttendanceCode.H, Closed(ramadan, "08:00:59", "15:00:00").Code);
        Assert.Equal(AttendanceCode.TL1, Closed(ramadan, "08:01:00", "15:00:00").Code);
        Assert.Equal(AttendanceCode.TL1, Closed(MonThu, "07:55:00", "16:00:00").Code);
    }

    [Theory]
    [InlineData(RequestKind.DL, AttendanceCode.DL)]
    [InlineData(RequestKind.C, AttendanceCode.C)]
    [InlineData(RequestKind.S, AttendanceCode.S)]
    [InlineData(RequestKind.I, AttendanceCode.I)]
    public void AnApprovedRequestSetsTheDayWhateverThePunches(RequestKind kind, AttendanceCode expected)
    {
        Assert.Equal(expected, DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Closed, [], ApprovedRequest: kind), ClassificationRules.Default).Code);
        Assert.Equal(expected, DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Closed, [new(9, 30)], ApprovedRequest: kind), ClassificationRules.Default).Code);
    }

    [Fact]
    public void ACheckOutAt152905WithTheEndAt1600Is31MinutesEarly()
    {
        var result = Closed(MonThu, "07:20:00", "15:29:05");
        Assert.Equal(AttendanceCode.PSW2, result.Early);
        Assert.Equal(31, result.EarlyMinutes);
        Assert.Equal(new TimeOnly(15, 29), result.CheckOut);
    }

    [Theory]
    [InlineData("05:59:59", null)]
    [InlineData("06:00:00", "06:00")]
    [InlineData("06:00:59", "06:00")]
    public void PunchTimesAreTruncatedToTheMinuteBeforeTheWindowIsChecked(string punch, string? checkIn)
    {
        var result = Closed(MonThu, punch, "16:00:00");
        Assert.Equal(checkIn, result.CheckIn?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, result.CheckIn?.Second ?? 0);
    }

    [Fact]
    public void TheCheckInWindowIsOneRuleFromItsFirstMinuteToTheCheckOutLimit()
    {
        Assert.Equal(CheckInWindowState.NotYetOpen, CheckInWindow.StateAt(MonThu, null, new TimeOnly(5, 59, 59)));
        Assert.Equal(CheckInWindowState.Open, CheckInWindow.StateAt(MonThu, null, new TimeOnly(6, 0)));
        Assert.Equal(CheckInWindowState.Open, CheckInWindow.StateAt(MonThu, null, new TimeOnly(18, 0, 59)));
        Assert.Equal(CheckInWindowState.Closed, CheckInWindow.StateAt(MonThu, null, new TimeOnly(18, 1)));
        Assert.Equal(CheckInWindowState.DayOff, CheckInWindow.StateAt(null, null, new TimeOnly(9, 0)));
        Assert.Equal(CheckInWindowState.DayOff, CheckInWindow.StateAt(MonThu, "Natal", new TimeOnly(9, 0)));
    }

    [Theory]
    [InlineData(RequestKind.DL)]
    [InlineData(RequestKind.C)]
    [InlineData(RequestKind.S)]
    [InlineData(RequestKind.I)]
    public void AWeekendOrHolidayInsideAnApprovedRequestIsADayOffThatCountsNowhere(RequestKind kind)
    {
        var saturday = DayClassifier.Classify(new DayInput(new DateOnly(2026, 11, 28), null, DayPhase.Closed, [], ApprovedRequest: kind), ClassificationRules.Default);
        var holiday = DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Closed, [], HolidayName: "Cuti bersama", ApprovedRequest: kind), ClassificationRules.Default);
        Assert.Equal(AttendanceCode.Libur, saturday.Code);
        Assert.Equal(AttendanceCode.Libur, holiday.Code);
        Assert.Empty(saturday.CountedCodes);
        Assert.Empty(holiday.CountedCodes);
    }

    [Fact]
    public void ARequestCoveringPartOfARangeChangesOnlyItsDays()
    {
        var request = (From: new DateOnly(2026, 11, 24), To: new DateOnly(2026, 11, 25));
        var codes = Enumerable.Range(23, 4).Select(d => new DateOnly(2026, 11, d)).Select(date =>
            DayClassifier.Classify(new DayInput(date, MonThu, DayPhase.Closed, [],
                ApprovedRequest: date >= request.From && date <= request.To ? RequestKind.S : null), ClassificationRules.Default).Code).ToList();
        Assert.Equal([AttendanceCode.TK, AttendanceCode.S, AttendanceCode.S, AttendanceCode.TK], codes);
    }

    [Fact]
    public void ACorrectionWinsOverEverything()
    {
        var corrected = DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Closed, [], Correction: AttendanceCode.H), ClassificationRules.Default);
        Assert.Equal(AttendanceCode.H, corrected.Code);
    }

    [Fact]
    public void APunchJustAfterMidnightWitaBelongsToTheNextLocalDay()
    {
        var wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");
        var utc = new DateTime(2026, 11, 26, 16, 5, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 11, 27), PunchRules.LocalDate(utc, wita));
        Assert.Equal(new DateOnly(2026, 11, 26), PunchRules.LocalDate(utc.AddMinutes(-6), wita));
        // 00:05 local is before the check-in window: alone it is no attendance at all.
        Assert.Equal(AttendanceCode.TK, Closed(MonThu, "00:05:00").Code);
    }

    [Fact]
    public void BandsAreConfigurable()
    {
        var strict = new ClassificationRules([15, 30, 45], [15, 30, 45]);
        var result = DayClassifier.Classify(new DayInput(Thursday, MonThu, DayPhase.Closed, [new(7, 50), new(16, 0)]), strict);
        Assert.Equal(AttendanceCode.TL2, result.Code);
    }
}
