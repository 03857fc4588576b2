using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Reports.Charts;
using Belu.Portal.Features.Reports.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Components;

public class ReportChartsTests
{
    [Fact]
    public async Task AChartCardDrawsItsPointsAndListsTheirValues()
    {
        await using var ctx = new MudContext();
        var cut = ctx.Render<ChartCard>(p => p
            .Add(x => x.Title, "Surat masuk menurut status")
            .Add(x => x.Type, ChartType.Donut)
            .Add(x => x.TestId, "chart-letter-state")
            .Add(x => x.Points, [new("Belum didisposisi", 4), new("Dalam proses", 7), new("Selesai", 12), new("Terlambat", 2)]));

        Assert.NotNull(cut.Find("[data-testid=chart-letter-state] svg"));
        Assert.Equal(["4", "7", "12", "2"], cut.FindAll(".chart-values li").Select(li => li.GetAttribute("data-value")));
        Assert.Equal("Terlambat: 2", cut.FindAll(".chart-values li")[3].TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=chart-empty]"));
    }

    [Theory]
    [InlineData("Sekretariat", "Sekretariat")]
    [InlineData("Bidang Persandian dan Statistik", "Persandian dan…")]
    [InlineData("Bidang Informasi dan Komunikasi Publik", "Informasi dan…")]
    [InlineData("Kecamatan Atambua Selatan", "Kecamatan…")]
    [InlineData("Bidang Aplikasi", "Aplikasi")]
    [InlineData("Bidang ", "Bidang")]
    public void BarLabelsAreShortenedToFitUnderTheirBars(string label, string expected) =>
        Assert.Equal(expected, ChartCard.AxisLabel(label).Trim());

    [Fact]
    public async Task AChartWithNothingToDrawSaysSoInsteadOfAnEmptyAxis()
    {
        await using var ctx = new MudContext();
        var cut = ctx.Render<ChartCard>(p => p
            .Add(x => x.Title, "Disposisi terlambat per unit")
            .Add(x => x.EmptyText, "Tidak ada disposisi yang terlambat.")
            .Add(x => x.Points, [new("Bidang Aplikasi Informatika", 0)]));

        Assert.Contains("Tidak ada disposisi yang terlambat.", cut.Find("[data-testid=chart-empty]").TextContent);
        Assert.Empty(cut.FindAll("svg"));
    }

    [Fact]
    public async Task TheTrendChartStacksTheWorkingDaysAndTotalsThem()
    {
        await using var ctx = new MudContext();
        var trend = AttendanceFigures.Trend(Grid(), new DateOnly(2026, 10, 31));
        var cut = ctx.Render<AttendanceTrendChart>(p => p.Add(x => x.Trend, trend));

        Assert.NotNull(cut.Find("[data-testid=attendance-trend] svg"));
        Assert.Contains("Tepat waktu", cut.Markup);
        Assert.Equal("Jumlah hari-orang: tepat waktu 1, terlambat 2, tanpa keterangan 1", cut.Find("[data-testid=trend-totals]").TextContent.Trim());
    }

    [Fact]
    public void TheTrendCountsOnTimeLateAndAbsentPerWorkingDayUpToTheGivenDay()
    {
        var trend = AttendanceFigures.Trend(Grid(), new DateOnly(2026, 10, 5));
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 5)], trend.Days);
        // Tepat waktu is what the recap calls H: a day that came on time but left early (PSW1) is not one.
        Assert.Equal([1, 0, 0], trend.OnTime);
        Assert.Equal(Grid().Rows.Sum(r => r.Totals.GetValueOrDefault(AttendanceCode.H)), trend.OnTime.Sum());
        Assert.Equal([1, 0, 1], trend.Late);
        Assert.Equal([0, 1, 0], trend.Absent);

        var top = AttendanceFigures.TopLateUnits(Grid());
        Assert.Equal([new ChartPoint("Bidang A", 1), new ChartPoint("Bidang B", 1)], top);
    }

    /// <summary>Two people over 1–6 October 2026 (Thu, Fri, Sat, Sun, Mon, Tue); the weekend is off.</summary>
    private static RecapGrid Grid()
    {
        var days = Enumerable.Range(0, 6).Select(i => new DateOnly(2026, 10, 1).AddDays(i))
            .Select(d => new RecapDay(d, d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), null)).ToList();
        var off = new DayResult(AttendanceCode.Libur);
        DayResult?[] a = [new(AttendanceCode.H, CheckIn: new(7, 20)), new(AttendanceCode.TK), off, off, new(AttendanceCode.TL1, AttendanceCode.TL1, LateMinutes: 5, CheckIn: new(7, 35)), new(AttendanceCode.DL)];
        DayResult?[] b = [new(AttendanceCode.TL2, AttendanceCode.TL2, LateMinutes: 40, CheckIn: new(8, 10)), new(AttendanceCode.PSW1, Early: AttendanceCode.PSW1, CheckIn: new(7, 0), CheckOut: new(15, 50)), off, off, null, new(AttendanceCode.S)];
        RecapRow Row(int id, string unit, DayResult?[] cells) => new(new StaffMember { Id = id, Name = $"Pegawai {id}" }, unit, cells, CodeTotals.Count(cells.OfType<DayResult>()), 0);
        return new RecapGrid(1, "Dinas Uji", 2026, 10, days, [Row(1, "Bidang A", a), Row(2, "Bidang B", b)]);
    }
}
