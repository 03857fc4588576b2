using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Tests.Domain.Attendance;

public class PenaltyTableTests
{
    private readonly PenaltyTable _table = new(PenaltyTable.DefaultRates);

    [Theory]
    [InlineData(AttendanceCode.TL1, 0.5)]
    [InlineData(AttendanceCode.TL2, 1)]
    [InlineData(AttendanceCode.TL3, 1.5)]
    [InlineData(AttendanceCode.TL4, 2)]
    [InlineData(AttendanceCode.PSW1, 0.5)]
    [InlineData(AttendanceCode.PSW4, 2)]
    [InlineData(AttendanceCode.TK, 4)]
    [InlineData(AttendanceCode.DL, 0)]
    [InlineData(AttendanceCode.H, 0)]
    public void DefaultRatesFollowThePublishedTable(AttendanceCode code, decimal percent) =>
        Assert.Equal(percent, _table.RateOf(code));

    [Fact]
    public void LateAndEarlyOnOneDayAreBothDeducted() =>
        Assert.Equal(1.5m, _table.ForDay(new DayResult(AttendanceCode.TL1, AttendanceCode.TL1, AttendanceCode.PSW2)));

    [Fact]
    public void TheMonthSumsItsDays()
    {
        var days = new[]
        {
            new DayResult(AttendanceCode.H), new DayResult(AttendanceCode.TL1, AttendanceCode.TL1), new DayResult(AttendanceCode.TK),
            new DayResult(AttendanceCode.TL4, AttendanceCode.TL4, AttendanceCode.PSW4), new DayResult(AttendanceCode.C), new DayResult(AttendanceCode.Libur),
        };
        Assert.Equal(0.5m + 4m + 4m, _table.ForMonth(days));
        var totals = CodeTotals.Count(days);
        Assert.Equal(1, totals[AttendanceCode.H]);
        Assert.Equal(1, totals[AttendanceCode.TL4]);
        Assert.Equal(1, totals[AttendanceCode.PSW4]);
        Assert.Equal(1, totals[AttendanceCode.C]);
    }

    [Fact]
    public void TheMonthIsCapped()
    {
        var table = new PenaltyTable(PenaltyTable.DefaultRates, 10m);
        Assert.Equal(10m, table.ForMonth(Enumerable.Repeat(new DayResult(AttendanceCode.TK), 5)));
    }

    [Fact]
    public void ConfiguredRatesOverrideTheDefaults()
    {
        var options = new AttendanceOptions { Penalties = new() { ["TK"] = 5m, ["DL"] = 0.25m } };
        var table = new PenaltyTable(options.DefaultPenalties());
        Assert.Equal(5m, table.RateOf(AttendanceCode.TK));
        Assert.Equal(0.25m, table.RateOf(AttendanceCode.DL));
        Assert.Equal(0.5m, table.RateOf(AttendanceCode.TL1));
    }
}

public class DisciplineRulesTests
{
    [Theory]
    [InlineData(0, DisciplineLevel.None, DisciplineLevel.TeguranLisan, 3)]
    [InlineData(2, DisciplineLevel.None, DisciplineLevel.TeguranLisan, 1)]
    [InlineData(3, DisciplineLevel.TeguranLisan, DisciplineLevel.TeguranTertulis, 1)]
    [InlineData(4, DisciplineLevel.TeguranTertulis, DisciplineLevel.PernyataanTidakPuas, 3)]
    [InlineData(6, DisciplineLevel.TeguranTertulis, DisciplineLevel.PernyataanTidakPuas, 1)]
    [InlineData(7, DisciplineLevel.PernyataanTidakPuas, DisciplineLevel.PotonganTunjangan6Bulan, 4)]
    [InlineData(10, DisciplineLevel.PernyataanTidakPuas, DisciplineLevel.PotonganTunjangan6Bulan, 1)]
    [InlineData(11, DisciplineLevel.PotonganTunjangan6Bulan, DisciplineLevel.PotonganTunjangan9Bulan, 3)]
    [InlineData(14, DisciplineLevel.PotonganTunjangan9Bulan, DisciplineLevel.PotonganTunjangan12Bulan, 3)]
    [InlineData(17, DisciplineLevel.PotonganTunjangan12Bulan, DisciplineLevel.PenurunanJabatan, 4)]
    [InlineData(21, DisciplineLevel.PenurunanJabatan, DisciplineLevel.PembebasanJabatan, 4)]
    [InlineData(25, DisciplineLevel.PembebasanJabatan, DisciplineLevel.Pemberhentian, 3)]
    [InlineData(27, DisciplineLevel.PembebasanJabatan, DisciplineLevel.Pemberhentian, 1)]
    public void TkDaysReachTheLevelsOfPP94(int tk, DisciplineLevel level, DisciplineLevel next, int toNext)
    {
        var a = DisciplineRules.Default.Assess(tk);
        Assert.Equal(level, a.Level);
        Assert.Equal(next, a.Next);
        Assert.Equal(toNext, a.DaysToNext);
        Assert.Equal(toNext == 1, a.OneDayAway);
    }

    [Theory]
    [InlineData(28)]
    [InlineData(40)]
    public void TwentyEightDaysIsDismissal(int tk)
    {
        var a = DisciplineRules.Default.Assess(tk);
        Assert.Equal(DisciplineLevel.Pemberhentian, a.Level);
        Assert.Null(a.Next);
        Assert.False(a.OneDayAway);
    }

    [Fact]
    public void TenConsecutiveWorkingDaysIsDismissal()
    {
        Assert.Equal(DisciplineLevel.Pemberhentian, DisciplineRules.Default.Assess(10, 10).Level);
        Assert.Equal(DisciplineLevel.PernyataanTidakPuas, DisciplineRules.Default.Assess(10, 9).Level);
    }

    [Fact]
    public void DaysOffDoNotBreakARun()
    {
        var days = new List<(DateOnly, AttendanceCode)>();
        var start = new DateOnly(2026, 11, 2);
        for (var i = 0; i < 14; i++)
        {
            var d = start.AddDays(i);
            days.Add((d, d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? AttendanceCode.Libur : AttendanceCode.TK));
        }
        Assert.Equal(10, DisciplineRules.LongestRun(days));
        days[3] = (days[3].Item1, AttendanceCode.H);
        Assert.Equal(6, DisciplineRules.LongestRun(days));
    }
}

public class ScheduleBookTests
{
    private static readonly WeekSchedule Perpres = new AttendanceOptions().DefaultWeek();

    [Fact]
    public void PerpresDefaultsAre37AndAHalfHours()
    {
        Assert.Equal(37.5, Perpres.NetHours(d => TimeSpan.FromMinutes(d == DayOfWeek.Friday ? 90 : 60)));
        Assert.Null(Perpres.For(DayOfWeek.Saturday));
        Assert.Equal(new TimeOnly(16, 30), Perpres.For(DayOfWeek.Friday)!.End);
    }

    [Fact]
    public void RamadanIs32AndAHalfHoursStartingAt0800()
    {
        var ramadan = new AttendanceOptions().RamadanWeek();
        Assert.Equal(32.5, ramadan.NetHours(d => TimeSpan.FromMinutes(d == DayOfWeek.Friday ? 60 : 30)));
        Assert.All(ramadan.Days.Values, h => Assert.Equal(new TimeOnly(8, 0), h.Start));
    }

    [Fact]
    public void AnOverrideBeatsTheStandingScheduleAndANearerUnitBeatsItsParent()
    {
        var ramadan = new AttendanceOptions().RamadanWeek();
        var unitWeek = Perpres with { Days = Perpres.Days.ToDictionary(d => d.Key, d => d.Value with { Start = new TimeOnly(7, 0) }) };
        var book = new ScheduleBook(
        [
            new ScheduleEntry(Guid.NewGuid(), "Ramadan", null, new(2026, 2, 19), new(2026, 3, 19), ramadan),
            new ScheduleEntry(Guid.NewGuid(), "Puskesmas", 5, null, null, unitWeek),
        ], Perpres);
        Assert.Equal(new TimeOnly(7, 0), book.For(new(2026, 11, 26), [5, 1])!.Start);
        Assert.Equal(new TimeOnly(7, 30), book.For(new(2026, 11, 26), [6, 1])!.Start);
        Assert.Equal(new TimeOnly(8, 0), book.For(new(2026, 3, 2), [5, 1])!.Start);
        Assert.Equal(new TimeOnly(7, 30), book.For(new(2026, 3, 20), [6, 1])!.Start);
    }
}

public class PunchLineParserTests
{
    [Fact]
    public void AttLogLinesAreRead()
    {
        var body = "1001\t2026-11-27 07:45:12\t0\t1\t0\t0\t0\t0\t0\t0\n199001012020011001\t2026-11-27 07:46:00\t0\t15\t\t\t\n";
        var parse = PunchLineParser.ParseAttLog(body);
        Assert.Empty(parse.Errors);
        Assert.Equal(2, parse.Lines.Count);
        Assert.Equal("1001", parse.Lines[0].Pin);
        Assert.Equal(new DateTime(2026, 11, 27, 7, 45, 12), parse.Lines[0].Local);
    }

    [Fact]
    public void ExportFilesWithHeadersAndBadLinesAreRead()
    {
        var text = "No;Nama;Tanggal;Jam\n1001;Budi;27/11/2026;07:45\n;Kosong;27/11/2026;07:45\n1002;Ani;kemarin;07:50\n";
        var parse = PunchLineParser.ParseFile(text);
        Assert.Single(parse.Lines);
        Assert.Equal(new DateTime(2026, 11, 27, 7, 45, 0), parse.Lines[0].Local);
        Assert.Equal(2, parse.Errors.Count);
        Assert.Equal(3, parse.Errors[0].LineNumber);
        Assert.Contains("kemarin", parse.Errors[1].Reason);
    }

    [Fact]
    public void HeaderlessCsvTakesPinThenTime()
    {
        var parse = PunchLineParser.ParseFile("1001,2026-11-27 07:45:00\r\n1002,2026-11-27T07:46:00+08:00\r\n");
        Assert.Equal(2, parse.Lines.Count);
        Assert.NotNull(parse.Lines[1].WithOffset);
    }

    [Fact]
    public void TabsTrailingBlankColumnsAndCrLfReadLineByLineWithTheirNumbers()
    {
        // Read the same by the hand-written splitter this parser replaced: blank lines and lines of tabs or spaces
        // are skipped but counted, empty columns at the end change nothing, and a refused line keeps its own text.
        var attLog = PunchLineParser.ParseAttLog(
            "1001\t2026-11-27 07:45:12\t0\t1\t\t\t\r\n\r\n \t \r\n1002\t2026-11-27 07:46:00\t\t\t\r\n\t\t\r\nx\"9\t2026-11-27 07:47:00\r\n");
        Assert.Equal([(1, "1001", new DateTime(2026, 11, 27, 7, 45, 12)), (4, "1002", new DateTime(2026, 11, 27, 7, 46, 0))],
            attLog.Lines.Select(l => (l.LineNumber, l.Pin, l.Local)));
        var refused = Assert.Single(attLog.Errors);
        Assert.Equal((6, "x\"9\t2026-11-27 07:47:00", "PIN/NIP 'x\"9' tidak sah."), (refused.LineNumber, refused.Text, refused.Reason));

        var file = PunchLineParser.ParseFile("\uFEFFPIN\tTanggal\tJam\t\t\r\n1001\t27/11/2026\t07:45\t\t\r\n\r\n1002\t27/11/2026\tpagi\t\t\r\n");
        Assert.Equal([(2, "1001", new DateTime(2026, 11, 27, 7, 45, 0))], file.Lines.Select(l => (l.LineNumber, l.Pin, l.Local)));
        var late = Assert.Single(file.Errors);
        Assert.Equal((4, "1002\t27/11/2026\tpagi\t\t", "Waktu '27/11/2026 pagi' tidak dikenali (contoh: 2026-11-27 07:45:00)."),
            (late.LineNumber, late.Text, late.Reason));
    }

    [Fact]
    public void PunchesInTheFutureOrYearsOldAreRejected()
    {
        var now = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        Assert.Null(PunchRules.Reject(now.AddMinutes(-1), now, TimeSpan.FromDays(62), TimeSpan.FromMinutes(5)));
        Assert.NotNull(PunchRules.Reject(now.AddMinutes(6), now, TimeSpan.FromDays(62), TimeSpan.FromMinutes(5)));
        Assert.NotNull(PunchRules.Reject(now.AddYears(-2), now, TimeSpan.FromDays(62), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void PunchesWithinAMinuteAreDuplicates()
    {
        var kept = new[] { new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc) };
        Assert.True(PunchRules.IsDuplicate(kept, kept[0].AddSeconds(59), TimeSpan.FromSeconds(60)));
        Assert.False(PunchRules.IsDuplicate(kept, kept[0].AddSeconds(60), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void OfficeNetworksLimitWebCheckIn()
    {
        var networks = new AttendanceOptions { OfficeNetworks = ["10.20.0.0/16"] }.Networks();
        Assert.True(OfficeNetwork.IsAllowed("10.20.3.4", networks));
        Assert.True(OfficeNetwork.IsAllowed("::ffff:10.20.3.4", networks));
        Assert.False(OfficeNetwork.IsAllowed("127.0.0.1", networks));
        Assert.False(OfficeNetwork.IsAllowed(null, networks));
        Assert.True(OfficeNetwork.IsAllowed(null, []));
    }
}
