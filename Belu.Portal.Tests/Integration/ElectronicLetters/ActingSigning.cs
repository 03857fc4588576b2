using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Belu.Portal.Tests.Integration.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

/// <summary>Working on drafts as the Plh/Plt of a post, as the "Bertindak sebagai Plh" switch chooses.</summary>
internal static class ActingSigning
{
    public static async Task<T> AsPlhAsync<T>(PortalFactory factory, string user, string post, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await factory.ActingScopeAsync(user, post);
        return await action(scope.ServiceProvider);
    }

    public static Task<SignedDraft> SignAsync(PortalFactory factory, string user, string post, DraftDetails draft) =>
        AsPlhAsync(factory, user, post, sp => sp.GetRequiredService<SignDraft>().HandleAsync(draft.Id, DraftTestKit.Passphrase, draft.Version));

    public static async Task<int> LastOutgoingSequenceAsync(PortalFactory factory)
    {
        var kominfo = await factory.UnitIdAsync("DISKOMINFO");
        await using var db = factory.CreateDbContext();
        return await db.OutgoingLetters.Where(l => l.UnitId == kominfo && l.Year == factory.Today().Year).MaxAsync(l => (int?)l.Sequence) ?? 0;
    }

    public static async Task<string> UserIdOfAsync(this PortalFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.Id;
    }
}
