using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Monitoring;

public class MachineAlertLineTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task TheRegencyAndKominfoBoardsShowAQuietLineAboutMachineAlertsAndOtherBoardsDoNot()
    {
        int kominfo, dinkes;
        await using (var db = factory.CreateDbContext())
        {
            kominfo = await db.Units.Where(u => u.Code == MachineAlertLine.KominfoCode).Select(u => u.Id).SingleAsync();
            dinkes = await db.Units.Where(u => u.Code == "DINKES").Select(u => u.Id).SingleAsync();
        }
        await using var scope = factory.Services.CreateAsyncScope();
        var line = scope.ServiceProvider.GetRequiredService<MachineAlertLine>();
        Assert.Null(await line.ForAsync(BoardScope.Regency));

        // An approved machine that has never called in: silent for a working day.
        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<RegisterDevice>().RegisterMachineAsync("Mesin kantor camat", "ZKBOARD01", null, network: "127.0.0.40");
        }

        Assert.Equal("Mesin absensi: 1 peringatan menunggu pemeriksaan admin (Perangkat Absensi).", await line.ForAsync(BoardScope.Regency));
        Assert.NotNull(await line.ForAsync(new BoardScope(new HashSet<int> { kominfo })));
        Assert.Null(await line.ForAsync(new BoardScope(new HashSet<int> { dinkes })));
    }
}
