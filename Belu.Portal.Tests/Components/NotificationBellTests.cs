using System.Security.Claims;
using Belu.Portal.Common;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Notifications.Components;
using Belu.Portal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Belu.Portal.Tests.Components;

/// <summary>The bell over the real notification store: its count follows events without a reload.</summary>
public class NotificationBellTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheBadgeCountsUpAndAToastAppearsWhenAnEventArrives()
    {
        await using var db = factory.CreateDbContext();
        var (userId, employeeId) = await db.Users.Where(u => u.UserName == "pegawai").Select(u => ValueTuple.Create(u.Id, u.EmployeeId!.Value)).SingleAsync();
        await using var scope = await factory.ScopeForAsync("pegawai");

        await using var ctx = new MudContext();
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<NotificationService>());
        ctx.Services.AddSingleton(factory.Services.GetRequiredService<LiveFeed>());
        ctx.Services.AddSingleton(factory.Services.GetRequiredService<OfficeClock>());
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("pegawai");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        ctx.Render<MudPopoverProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();

        var cut = ctx.Render<NotificationBell>();
        var before = int.Parse(cut.Find("[data-testid=bell-badge]").GetAttribute("data-count")!);

        await factory.Services.GetRequiredService<IPortalNotifier>()
            .PublishAsync(new TestEvent("Disposisi baru untuk Anda") { RecipientEmployeeIds = [employeeId] });

        cut.WaitForAssertion(() => Assert.Equal((before + 1).ToString(), cut.Find("[data-testid=bell-badge]").GetAttribute("data-count")));
        snackbars.WaitForAssertion(() => Assert.Contains("Disposisi baru untuk Anda", snackbars.Markup));
    }

    [Fact]
    public async Task AnotherUsersEventLeavesTheBadgeAlone()
    {
        await using var db = factory.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == "pegawai").Select(u => u.Id).SingleAsync();
        var otherEmployee = await db.Users.Where(u => u.UserName == "agendaris").Select(u => u.EmployeeId!.Value).SingleAsync();
        await using var scope = await factory.ScopeForAsync("pegawai");

        await using var ctx = new MudContext();
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<NotificationService>());
        ctx.Services.AddSingleton(factory.Services.GetRequiredService<LiveFeed>());
        ctx.Services.AddSingleton(factory.Services.GetRequiredService<OfficeClock>());
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("pegawai");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        ctx.Render<MudPopoverProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var cut = ctx.Render<NotificationBell>();
        var before = cut.Find("[data-testid=bell-badge]").GetAttribute("data-count");

        await factory.Services.GetRequiredService<IPortalNotifier>()
            .PublishAsync(new TestEvent("Bukan untuk pegawai") { RecipientEmployeeIds = [otherEmployee] });

        Assert.Equal(before, cut.Find("[data-testid=bell-badge]").GetAttribute("data-count"));
        Assert.DoesNotContain("Bukan untuk pegawai", snackbars.Markup);
    }
}
