using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Tests.Domain.Attendance;

public class AdmsCommandTextTests
{
    [Fact]
    public void APutUserCommandCarriesThePinAndANameTheMachineCanShow()
    {
        var text = AdmsCommandText.PutUser("199001012020121001", "Maria\tGoreti Bria Seran da Costa Nahak");
        Assert.StartsWith("DATA UPDATE USERINFO PIN=199001012020121001\tName=Maria Goreti Bria Seran\tPri=0", text);
        Assert.Equal("C:7:" + text, AdmsCommandText.Line(7, text));
        Assert.Equal("DATA DELETE USERINFO PIN=1234", AdmsCommandText.RemoveUser("1234"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 34")]
    [InlineData("123456789012345678901234")]
    [InlineData("12\t34")]
    public void APinThatWouldBreakTheCommandIsRefused(string pin) =>
        Assert.Throws<ArgumentException>(() => AdmsCommandText.PutUser(pin, "Budi"));

    [Fact]
    public void TheClockIsPackedAsZktecoDoesWithThirtyOneDayMonths()
    {
        // 2026-11-27 07:45:30: ((26*12*31) + (10*31) + 26) * 86400 + 7*3600 + 45*60 + 30
        var local = new DateTime(2026, 11, 27, 7, 45, 30);
        Assert.Equal(((26L * 12 * 31) + 10 * 31 + 26) * 86400 + 27930, AdmsCommandText.PackTime(local));
        Assert.Equal($"SET OPTION DateTime={AdmsCommandText.PackTime(local)}", AdmsCommandText.SetClock(local));
        Assert.Equal(local, AdmsCommandText.UnpackTime(AdmsCommandText.PackTime(local)));
        Assert.Equal(new DateTime(2000, 1, 1), AdmsCommandText.UnpackTime(0));
        var lastOfYear = new DateTime(2026, 12, 31, 23, 59, 59);
        Assert.Equal(lastOfYear, AdmsCommandText.UnpackTime(AdmsCommandText.PackTime(lastOfYear)));
    }

    [Fact]
    public void ALogFetchCoversWholeLocalDays() =>
        Assert.Equal("DATA QUERY ATTLOG StartTime=2026-11-23 00:00:00\tEndTime=2026-11-25 23:59:59",
            AdmsCommandText.FetchLogs(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 25)));

    [Fact]
    public void AnswersAreReadWithTheLinesThatFollowThem()
    {
        var body = "ID=3&Return=0&CMD=DATA\nID=4&Return=-1002&CMD=DATA\r\nID=5&Return=0&CMD=INFO\n~DeviceName=MB360\nUserCount=57\nFPCount=112\n" +
                   "TransactionCount=20412\nFWVersion=Ver 6.60 Jun 9 2020\nnot an answer\nID=x&Return=0&CMD=REBOOT\n";
        var replies = AdmsCommandText.ParseReplies(body);
        Assert.Equal([3, 4, 5], replies.Select(r => r.Id));
        Assert.Equal(-1002, replies[1].Return);
        Assert.Equal("DATA", replies[0].Command);
        Assert.Empty(replies[0].Values);
        Assert.Equal("MB360", replies[2].Values["DeviceName"]);
        Assert.Equal(new AdmsMachineInfo("Ver 6.60 Jun 9 2020", 57, 112, 20412), AdmsCommandText.InfoFrom(replies[2].Values));
    }

    [Fact]
    public void ThePollsInfoGivesFirmwareAndCounts()
    {
        Assert.Equal(new AdmsMachineInfo("Ver 8.0.4.2-20191119", 57, 112, 20412),
            AdmsCommandText.InfoFromPoll("Ver 8.0.4.2-20191119,57,112,20412,192.168.10.201,10,7,0,0,000000000"));
        Assert.Null(AdmsCommandText.InfoFromPoll(null));
        Assert.Null(AdmsCommandText.InfoFromPoll("Ver 8.0.4.2"));
        Assert.Equal(new AdmsMachineInfo("Ver 2", null, 3, 4), AdmsCommandText.InfoFromPoll("Ver 2,-1,3,4"));
    }
}
