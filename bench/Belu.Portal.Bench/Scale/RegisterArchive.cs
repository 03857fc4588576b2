using Belu.Portal.Bench.Rush;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Features.Reports.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// Who may export the biggest incoming register, and the whole archive the portal does not let anyone export at once.
/// A Pimpinan of the regency's root unit leads every unit below it, so he sees every letter that is not secret: the
/// largest register the rules allow is his, for the longest period (a year). The demo has no account for him; the
/// benchmark adds one (<see cref="RegencyHead"/>) on first use.
/// </summary>
internal static class RegisterArchive
{
    public const string RegencyHead = "skala.bupati";

    /// <summary>The account of the head of the root unit (the Bupati), made once, as Pimpinan.</summary>
    public static async Task EnsureRegencyHeadAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(RegencyHead) is not null)
        {
            return;
        }
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var root = await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        var head = await db.Employees.AsNoTracking().Where(e => e.UnitId == root && e.IsActive).OrderBy(e => e.Id).FirstAsync();
        var user = new ApplicationUser { UserName = RegencyHead, EmployeeId = head.Id, DisplayName = head.Name, EmailConfirmed = true };
        var created = await users.CreateAsync(user, RushSeed.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRolesAsync(user, [Roles.Pimpinan, Roles.Pegawai]);
        Console.WriteLine($"(added the account {RegencyHead} for {head.Name}, {head.Position}, as Pimpinan)");
    }

    /// <summary>
    /// The register with the year limit lifted: the same rows, document and writer as the portal's, over a period the
    /// portal refuses (<see cref="LetterReportScope.MaxDays"/>). Only the benchmark builds it.
    /// </summary>
    public sealed class Unlimited(IncomingRegisterReport register) : IReport<IncomingRegisterRequest>
    {
        public string Key => register.Key;

        public Task<ReportDocument> BuildAsync(IncomingRegisterRequest request, CancellationToken ct) =>
            register.BuildAsync(request, int.MaxValue, ct);
    }
}
