using Belu.Portal.Common;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Monitoring.Components;
using Belu.Portal.Features.Notifications;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Belu.Portal.Tests.Components;

public class BoardPanelsTests
{
    [Fact]
    public async Task TheAttendancePanelShowsEachOpdsNumbersAndMarksTheLate()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<AttendancePanel>(p => p.Add(x => x.Rows,
        [
            new BoardAttendanceRow(10, "Dinas Komunikasi dan Informatika", 21, 18, 2, 1, 2),
            new BoardAttendanceRow(11, "Dinas Kesehatan", 5, 0, 0, 0, 5),
        ]).Add(x => x.PageLabel, "1/2"));

        var kominfo = cut.Find("tr[data-opd='10']").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Dinas Komunikasi dan Informatika", "21", "18", "2", "1", "2", "95%"], kominfo);
        Assert.Contains("warn", cut.Find("tr[data-opd='10']").QuerySelectorAll("td")[3].ClassName);
        // Everyone away on duty: no share to show, rather than a misleading 0 %.
        Assert.Equal("—", cut.Find("tr[data-opd='11']").QuerySelectorAll("td")[6].TextContent.Trim());
        Assert.Contains("1/2", cut.Find(".panel-title").TextContent);
    }

    [Fact]
    public async Task BeforeTheWindowOpensTheMissingAreGreyAndNotStartedNotRedTk()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<AttendancePanel>(p => p.Add(x => x.Rows,
        [
            new BoardAttendanceRow(10, "Dinas Komunikasi dan Informatika", 21, 0, 0, 0, 1, NotStarted: 20),
        ]));

        var missing = cut.Find("tr[data-opd='10'] [data-testid=missing]");
        Assert.Contains("idle", missing.ClassName);
        Assert.DoesNotContain("bad", missing.ClassName);
        Assert.DoesNotContain("warn", missing.ClassName);
        Assert.Equal("20 belum dimulai", Normalize(missing.TextContent));
        Assert.DoesNotContain("TK", cut.Find("tr[data-opd='10']").TextContent);
        Assert.DoesNotContain("TK", cut.Find("thead").TextContent);
        // Nobody's day has started: no share present to show, rather than an alarming 0 %.
        Assert.Equal("—", cut.Find("tr[data-opd='10']").QuerySelectorAll("td")[6].TextContent.Trim());
    }

    [Fact]
    public async Task OnceTheWindowIsOpenTheMissingAreAmberBelumHadirAndOnlyAClosedDayShowsRedTk()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<AttendancePanel>(p => p.Add(x => x.Rows,
        [
            new BoardAttendanceRow(10, "Dinas Komunikasi dan Informatika", 21, 15, 3, 6, 0),
            new BoardAttendanceRow(11, "Dinas Kesehatan", 10, 8, 0, 0, 0, Absent: 2),
        ]));

        var awaited = cut.Find("tr[data-opd='10'] [data-testid=missing]");
        Assert.Contains("warn", awaited.ClassName);
        Assert.DoesNotContain("bad", awaited.ClassName);
        Assert.Equal("6", Normalize(awaited.TextContent));
        Assert.Equal("71%", cut.Find("tr[data-opd='10']").QuerySelectorAll("td")[6].TextContent.Trim());

        var absent = cut.Find("tr[data-opd='11'] [data-testid=missing]");
        Assert.Contains("bad", absent.ClassName);
        Assert.Equal("2 TK", Normalize(absent.TextContent));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task TheLettersPanelSaysWhenNothingWaits()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<LettersPanel>(p => p.Add(x => x.Rows, []));
        Assert.Contains("Semua sudah ditindaklanjuti", cut.Markup);

        var busy = ctx.Render<LettersPanel>(p => p.Add(x => x.Rows, [new BoardLetterRow(10, "Dinas Komunikasi dan Informatika", 4, 7, 3)]));
        Assert.Equal(["Dinas Komunikasi dan Informatika", "4", "7", "3"], busy.Find("tr[data-opd='10']").QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains("bad", busy.Find("tr[data-opd='10']").QuerySelectorAll("td")[3].ClassName);
    }

    [Fact]
    public async Task TheTickerListsEventsNewestFirstInWita()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddSingleton(new OfficeClock(new FakeTimeProvider(), Options.Create(new OfficeOptions())));
        var cut = ctx.Render<BoardTicker>(p => p.Add(x => x.Items,
        [
            new BoardEvent(Guid.NewGuid(), "CheckedInLateEvent", "Yohanes Bria terlambat 12 menit", new DateTime(2026, 11, 26, 23, 42, 0, DateTimeKind.Utc), 10),
            new BoardEvent(Guid.NewGuid(), "LetterDisposedEvent", "Surat 0042/2026 didisposisikan", new DateTime(2026, 11, 26, 23, 40, 0, DateTimeKind.Utc), 10),
        ]));
        var items = cut.FindAll(".ticker-item").Select(li => li.TextContent.Trim()).ToList();
        Assert.StartsWith("07:42", items[0]);
        Assert.Contains("terlambat 12 menit", items[0]);
        Assert.StartsWith("07:40", items[1]);
        Assert.Empty(cut.FindAll(".ticker-empty"));
    }
}
