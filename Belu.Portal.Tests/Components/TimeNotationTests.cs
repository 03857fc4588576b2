using System.Globalization;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Components;
using Belu.Portal.Features.Attendance.Domain;
using Bunit;
using MudBlazor.Services;

namespace Belu.Portal.Tests.Components;

/// <summary>
/// The portal runs in id-ID, whose own time separator is a dot; a time is still shown one way everywhere, 07:30.
/// </summary>
public class TimeNotationTests
{
    [Fact]
    public async Task PunchesShowWithAColonInTheIndonesianCulture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id-ID");
        try
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices();
            var schedule = new DaySchedule(new(7, 30), new(16, 30), new(6, 0), new(12, 0), new(18, 0));
            var today = new MyToday("Pegawai Uji", "Bidang Aplikasi Informatika", new DateOnly(2026, 11, 27), schedule, null,
                new DayResult(AttendanceCode.TL1, LateMinutes: 12, CheckIn: new TimeOnly(7, 42)), [new TimeOnly(7, 42, 10)], null);
            var cut = ctx.Render<TodayStatus>(p => p.Add(x => x.Today, today));
            Assert.Contains("Tercatat: 07:42:10", cut.Markup);
            Assert.DoesNotContain("07.42", cut.Markup);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
