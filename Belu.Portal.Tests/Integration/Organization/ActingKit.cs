using Belu.Portal.Common;
using Belu.Portal.Features.Organization.Acting;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Organization;

/// <summary>Appointing acting officials over the real app, as an admin, on the portal's own calendar day.</summary>
internal static class ActingKit
{
    public static DateOnly Today(this PortalFactory factory) => factory.Services.GetRequiredService<OfficeClock>().Today;

    public static async Task<int> AppointAsync(this PortalFactory factory, string post, string acting, DateOnly from, DateOnly to,
        ActingKind kind = ActingKind.Plh, string by = "admin")
    {
        var input = new ActingInput
        {
            ReplacedEmployeeId = await factory.EmployeeIdOfAsync(post),
            ActingEmployeeId = await factory.EmployeeIdOfAsync(acting),
            Kind = kind,
            From = from,
            To = to,
            LetterNumber = $"800.1.11.1/{Random.Shared.Next(100, 999)}/DISKOMINFO/2026",
            LetterDate = factory.Today(),
        };
        await using var scope = await factory.ScopeForAsync(by);
        return await scope.ServiceProvider.GetRequiredService<AppointActing>().HandleAsync(input);
    }

    /// <summary>The appointment of <paramref name="acting"/> for <paramref name="post"/> in force today, made now if there is none.</summary>
    public static async Task EnsureAppointedAsync(this PortalFactory factory, string post, string acting, int days = 7)
    {
        var (postId, actingId, today) = (await factory.EmployeeIdOfAsync(post), await factory.EmployeeIdOfAsync(acting), factory.Today());
        await using (var db = factory.CreateDbContext())
        {
            if (await db.ActingAppointments.AnyAsync(a => a.ReplacedEmployeeId == postId && a.ActingEmployeeId == actingId
                    && a.CancelledAtUtc == null && a.From <= today && a.To >= today))
            {
                return;
            }
        }
        await factory.AppointAsync(post, acting, today, today.AddDays(days - 1));
    }

    /// <summary>A scope of <paramref name="userName"/> working as the Plh/Plt of <paramref name="post"/>, as the switch above every page chooses.</summary>
    public static async Task<AsyncServiceScope> ActingScopeAsync(this PortalFactory factory, string userName, string post)
    {
        var scope = await factory.ScopeForAsync(userName);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActingAs = await factory.EmployeeIdOfAsync(post);
        return scope;
    }
}
