using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>The services are the gate, not the pages: a sample of each feature's operations called directly by the wrong people.</summary>
public class ServiceRefusalTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Operations only an administrator may run, one or more per feature.</summary>
    private static readonly (string Name, Func<IServiceProvider, Task> Call)[] AdminOnly =
    [
        ("audit search", sp => sp.GetRequiredService<AuditService>().SearchAsync(new AuditQuery())),
        ("display tokens", sp => sp.GetRequiredService<DisplayTokenService>().CreateAsync("Layar liar", [])),
        ("display token list", sp => sp.GetRequiredService<DisplayTokenService>().ListAsync()),
        ("instruction add", sp => sp.GetRequiredService<InstructionService>().AddAsync("Abaikan")),
        ("device key", sp => sp.GetRequiredService<RegisterDevice>().CreateApiDeviceAsync("Jembatan liar", null)),
        ("schedules", sp => sp.GetRequiredService<AttendanceAdminQueries>().ListSchedulesAsync()),
        ("holiday", sp => sp.GetRequiredService<SaveHoliday>().AddHolidayAsync(new DateOnly(2026, 12, 1), "Libur liar", HolidayKind.LiburNasional)),
        ("punch import", sp => sp.GetRequiredService<ImportPunchLog>().ImportAsync("1\t2026-11-02 07:00:00", "log.txt")),
        ("correction", sp => sp.GetRequiredService<CorrectDay>().CorrectDayAsync(1, new DateOnly(2026, 11, 2), AttendanceCode.H, "ubah")),
    ];

    [Theory]
    [InlineData("pegawai")]
    [InlineData("agendaris")]
    [InlineData("pimpinan")]
    [InlineData("display")]
    public async Task AdministrationIsRefusedToEveryoneElse(string userName)
    {
        foreach (var (name, call) in AdminOnly)
        {
            await using var scope = await factory.ScopeForAsync(userName);
            var refused = await Record.ExceptionAsync(() => call(scope.ServiceProvider));
            Assert.True(refused is ForbiddenException, $"{userName} ran \"{name}\": {refused?.GetType().Name ?? "no refusal"}");
        }
    }

    [Theory]
    [InlineData("pegawai")]
    [InlineData("display")]
    public async Task UnitViewsAndRegistersAreRefusedToThoseWithoutTheRole(string userName)
    {
        await using var scope = await factory.ScopeForAsync(userName);
        var sp = scope.ServiceProvider;
        await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<AttendanceReportService>().ScopeAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<AttendanceReportService>().TodayAsync(1));
        await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<RegisterLetter>().GetOptionsAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<OutgoingLetterService>().GetOptionsAsync());
    }

    [Fact]
    public async Task NobodySignedInReachesAnyFeature()
    {
        await using var scope = factory.AnonymousScope();
        var sp = scope.ServiceProvider;
        foreach (var (name, call) in AdminOnly)
        {
            Assert.True(await Record.ExceptionAsync(() => call(sp)) is ForbiddenException, name);
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<LetterQueries>().SearchAsync(new LetterQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<DispositionQueries>().SearchMineAsync(new MyDispositionQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<CheckInService>().CheckInAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<RequestQueries>().ListMineAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => sp.GetRequiredService<Features.Notifications.NotificationService>().ListAsync(false, 0, 10));
    }
}
