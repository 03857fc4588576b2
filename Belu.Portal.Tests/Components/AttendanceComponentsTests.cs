using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Components;
using Belu.Portal.Features.Attendance.Domain;
using Bunit;
using Microsoft.AspNetCore.Components;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Components;

public class CheckInButtonTests
{
    private static readonly DaySchedule Friday = new(new(7, 30), new(16, 30), new(6, 0), new(12, 0), new(18, 0));

    private static MyToday Today(IReadOnlyList<TimeOnly>? punches = null, string? holiday = null, string? refusal = null, DaySchedule? schedule = null) =>
        new("Pegawai Uji", "Bidang Aplikasi Informatika", new DateOnly(2026, 11, 27), schedule ?? Friday, holiday,
            new DayResult(AttendanceCode.Belum), punches ?? [], refusal);

    private static async Task<(string State, string Label, bool Disabled, string? Reason, int Presses)> RenderAsync(
        MyToday? today, TimeOnly now, bool busy = false, bool click = false)
    {
        await using var ctx = new MudContext();
        var presses = 0;
        var cut = ctx.Render<CheckInButton>(p => p
            .Add(x => x.Today, today)
            .Add(x => x.Now, now)
            .Add(x => x.Busy, busy)
            .Add(x => x.OnPunch, EventCallback.Factory.Create(new object(), () => presses++)));
        var button = cut.Find("[data-testid=checkin-button]");
        if (click)
        {
            button.Click();
        }
        return (cut.Find("[data-testid=checkin-action]").GetAttribute("data-state")!, button.TextContent.Trim(), button.HasAttribute("disabled"),
            cut.FindAll("[data-testid=checkin-reason]").FirstOrDefault()?.TextContent.Trim(), presses);
    }

    [Fact]
    public async Task BeforeTheFirstPunchItSaysAbsenMasukAndPunches()
    {
        var r = await RenderAsync(Today(), new TimeOnly(7, 45), click: true);
        Assert.Equal(("ready", "Absen Masuk", false), (r.State, r.Label, r.Disabled));
        Assert.Null(r.Reason);
        Assert.Equal(1, r.Presses);
    }

    [Fact]
    public async Task AfterTheCheckInItSaysAbsenPulang()
    {
        Assert.Equal("Absen Pulang", (await RenderAsync(Today([new(7, 45)]), new TimeOnly(16, 35))).Label);
        Assert.Equal("Perbarui Absen Pulang", (await RenderAsync(Today([new(7, 45), new(16, 35)]), new TimeOnly(16, 40))).Label);
    }

    [Fact]
    public async Task WhileLoadingOrSavingItCannotBePressed()
    {
        var loading = await RenderAsync(null, new TimeOnly(7, 45), click: true);
        Assert.Equal(("loading", "Memuat…", true, 0), (loading.State, loading.Label, loading.Disabled, loading.Presses));
        var busy = await RenderAsync(Today(), new TimeOnly(7, 45), busy: true, click: true);
        Assert.Equal(("busy", "Menyimpan…", true, 0), (busy.State, busy.Label, busy.Disabled, busy.Presses));
    }

    [Fact]
    public async Task OutsideTheOfficeNetworkItExplainsWhy()
    {
        var r = await RenderAsync(Today(refusal: CheckInService.OutsideNetworkMessage), new TimeOnly(7, 45), click: true);
        Assert.Equal(("outside", true, 0), (r.State, r.Disabled, r.Presses));
        Assert.Contains("jaringan kantor", r.Reason);
    }

    [Fact]
    public async Task OnAHolidayOrOutsideThePunchWindowsItIsOff()
    {
        var holiday = await RenderAsync(Today(holiday: "Cuti bersama Natal"), new TimeOnly(7, 45));
        Assert.Equal(("off", true), (holiday.State, holiday.Disabled));
        Assert.Contains("Cuti bersama Natal", holiday.Reason);
        var early = await RenderAsync(Today(), new TimeOnly(5, 30));
        Assert.Equal(("early", true), (early.State, early.Disabled));
        // The same words as the refusal of the API (CheckInWindow.Refusal), times written with the dot (PUEBI).
        Assert.Contains("06:00", early.Reason);
        var late = await RenderAsync(Today([new(7, 45)]), new TimeOnly(18, 30));
        Assert.Equal(("closed", true), (late.State, late.Disabled));
    }
}

public class RecapGridViewTests
{
    [Fact]
    public async Task TheGridShowsCodesPerDayTotalsAndTheDeduction()
    {
        await using var ctx = new MudContext();
        var days = Enumerable.Range(1, 30).Select(d => new DateOnly(2026, 11, d))
            .Select(d => new RecapDay(d, d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), null)).ToList();
        var penalties = new PenaltyTable(PenaltyTable.DefaultRates);
        DayResult?[] Cells(params (int Day, DayResult Result)[] set)
        {
            var cells = new DayResult?[30];
            foreach (var (day, result) in set)
            {
                cells[day - 1] = result;
            }
            return cells;
        }
        var late = Cells((2, new(AttendanceCode.H)), (3, new(AttendanceCode.TL2, AttendanceCode.TL2, AttendanceCode.PSW1)), (4, new(AttendanceCode.TK)), (5, new(AttendanceCode.S)));
        var clean = Cells((2, new(AttendanceCode.H)), (3, new(AttendanceCode.H)));
        RecapRow Row(int id, string name, DayResult?[] cells)
        {
            var results = cells.Where(c => c is not null).Select(c => c!).ToList();
            return new RecapRow(new StaffMember { Id = id, Name = name, Position = "Pranata Komputer" }, "Bidang Aplikasi Informatika", cells,
                CodeTotals.Count(results), penalties.ForMonth(results));
        }
        var grid = new RecapGrid(1, "Dinas Komunikasi dan Informatika", 2026, 11, days, [Row(1, "Pegawai Terlambat", late), Row(2, "Pegawai Rajin", clean)]);

        var cut = ctx.Render<RecapGridView>(p => p.Add(x => x.Grid, grid));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        var first = rows[0];
        Assert.Contains("Pegawai Terlambat", first.TextContent);
        var cells = first.QuerySelectorAll("td");
        Assert.Equal("TL2·PSW1", cells[3].TextContent.Trim());
        Assert.Equal("TK", cells[4].TextContent.Trim());
        Assert.Equal("S", cells[5].TextContent.Trim());
        Assert.Equal("1", first.QuerySelector("td[data-code=TL2]")!.TextContent);
        Assert.Equal("1", first.QuerySelector("td[data-code=PSW1]")!.TextContent);
        Assert.Equal("1", first.QuerySelector("td[data-code=TK]")!.TextContent);
        Assert.Equal("5.5", first.QuerySelector("[data-testid=recap-tpp]")!.TextContent.Replace(',', '.'));
        Assert.Equal("0", rows[1].QuerySelector("[data-testid=recap-tpp]")!.TextContent);
        Assert.Equal("2", rows[1].QuerySelector("td[data-code=H]")!.TextContent);
        // 1 name column + 30 days + 14 totals + TPP.
        Assert.Equal(46, cut.FindAll("thead th").Count);
        Assert.Contains("off", cut.FindAll("thead th")[1].ClassName ?? "");
    }

    [Fact]
    public async Task ADutyDayOrderedByASuratTugasLinksToItsLetterAndTheWeekendInsideDoesNot()
    {
        await using var ctx = new MudContext();
        // 1 November 2026 is a Sunday, 2 November a Monday.
        var days = Enumerable.Range(1, 3).Select(d => new DateOnly(2026, 11, d))
            .Select(d => new RecapDay(d, d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), null)).ToList();
        DayResult?[] cells = [new(AttendanceCode.Libur), new(AttendanceCode.DL), new(AttendanceCode.DL)];
        var row = new RecapRow(new StaffMember { Id = 7, Name = "Pegawai Bertugas", Position = "Analis" }, "Bidang", cells, CodeTotals.Count([cells[1]!, cells[2]!]), 0);
        var letter = new DutyLetter("000.1.2.3/12/DISKOMINFO/2026", "ABCDEFGHJKMNPQRS");
        var letters = days.ToDictionary(d => (7, d.Date), _ => letter);
        var grid = new RecapGrid(1, "Dinas", 2026, 11, days, [row], letters);

        var cut = ctx.Render<RecapGridView>(p => p.Add(x => x.Grid, grid));

        var links = cut.FindAll("[data-testid=recap-letter]");
        Assert.Equal(2, links.Count);
        Assert.All(links, a => Assert.Equal("/verifikasi/ABCDEFGHJKMNPQRS", a.GetAttribute("href")));
        Assert.Contains("Surat Tugas 000.1.2.3/12/DISKOMINFO/2026", links[0].GetAttribute("title"));
        Assert.Equal("L", cut.Find("tbody tr").QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Contains("000.1.2.3/12/DISKOMINFO/2026", cut.Find("[data-testid=recap-letters]").TextContent);
    }

    [Fact]
    public async Task DaysOffShowLAsTheExcelSheetDoesAndTheTotalsStayPinned()
    {
        await using var ctx = new MudContext();
        // 1 November 2026 is a Sunday, 2 November a Monday.
        var days = Enumerable.Range(1, 3).Select(d => new DateOnly(2026, 11, d))
            .Select(d => new RecapDay(d, d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), null)).ToList();
        DayResult?[] cells = [null, new(AttendanceCode.H), new(AttendanceCode.Belum)];
        var row = new RecapRow(new StaffMember { Id = 1, Name = "Pegawai", Position = "Analis" }, "Bidang", cells, CodeTotals.Count([cells[1]!]), 0);
        var grid = new RecapGrid(1, "Dinas", 2026, 11, days, [row]);

        var cut = ctx.Render<RecapGridView>(p => p.Add(x => x.Grid, grid));

        var tds = cut.Find("tbody tr").QuerySelectorAll("td");
        Assert.Equal("L", tds[1].TextContent.Trim());
        Assert.Equal("H", tds[2].TextContent.Trim());
        Assert.Equal("", tds[3].TextContent.Trim());
        Assert.Equal(Belu.Portal.Features.Reports.Attendance.AttendanceRecapReport.DayText(days[0], null), tds[1].TextContent.Trim());
        // The totals carry their right offsets, so they stay in view while the days scroll.
        Assert.Contains("right: 44px", cut.Find("tbody td[data-code=I]").GetAttribute("style"));
    }
}
