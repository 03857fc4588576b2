using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Letters;

/// <summary>Arranging E-Surat scenarios over the real app: the demo people, a valid form, a scan, and acting as someone.</summary>
internal static class LetterTestKit
{
    public static byte[] Pdf(string text = "surat") => Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj<<>>endobj\n% {text} {Guid.NewGuid()}\n%%EOF");

    public static FileUpload PdfUpload(string name = "scan.pdf") => new(name, new MemoryStream(Pdf(name)));

    public static async Task<int> EmployeeOfAsync(this PortalFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
        return user?.EmployeeId ?? throw new InvalidOperationException($"no employee for {userName}");
    }

    /// <summary>
    /// A complete, valid registration form addressed to the Kepala Dinas (the `pimpinan` account), received on the
    /// portal's own today: a fake-clock portal stands on another day than the suite's test clock.
    /// </summary>
    public static async Task<IncomingLetterInput> FormAsync(this PortalFactory factory, string subject = "Undangan Rapat Koordinasi SPBE",
        SecurityClass security = SecurityClass.Biasa) => new()
    {
        SenderNumber = "000.1.2.3/123/SETDA/2026",
        LetterDate = factory.Services.GetRequiredService<OfficeClock>().Today.AddDays(-2),
        ReceivedDate = factory.Services.GetRequiredService<OfficeClock>().Today,
        Sender = "Sekretariat Daerah Kabupaten Belu",
        Subject = subject,
        Summary = "Mohon kehadiran pejabat terkait.",
        Security = security,
        Urgency = Urgency.Segera,
        ClassificationCode = "000.1.2.3",
        AddresseeId = await factory.EmployeeOfAsync("pimpinan"),
    };

    public static async Task<Guid> RegisterAsync(this PortalFactory factory, IncomingLetterInput input, params FileUpload[] files)
    {
        await using var scope = await factory.ScopeForAsync("agendaris");
        return await scope.ServiceProvider.GetRequiredService<RegisterLetter>()
            .HandleAsync(input, files.Length == 0 ? [PdfUpload()] : files);
    }

    public static async Task<T> AsAsync<T>(this PortalFactory factory, string userName, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await factory.ScopeForAsync(userName);
        return await action(scope.ServiceProvider);
    }

    public static async Task AsAsync(this PortalFactory factory, string userName, Func<IServiceProvider, Task> action)
    {
        await using var scope = await factory.ScopeForAsync(userName);
        await action(scope.ServiceProvider);
    }

    public static Task<LetterDetail> OpenAsync(this PortalFactory factory, string userName, Guid letterId) =>
        factory.AsAsync(userName, sp => sp.GetRequiredService<OpenLetter>().HandleAsync(letterId));

    /// <summary>Disposes (or forwards, with a parent) to the given people, as the given user, on the version they see now.</summary>
    public static async Task<IReadOnlyList<Guid>> DisposeAsync(this PortalFactory factory, string userName, Guid letterId, Guid? parentId,
        int[] employeeIds, string[]? instructions = null, DateOnly? deadline = null)
    {
        await using var scope = await factory.ScopeForAsync(userName);
        var form = await scope.ServiceProvider.GetRequiredService<DispositionQueries>().GetFormAsync(letterId, parentId);
        return await scope.ServiceProvider.GetRequiredService<DisposeLetter>().HandleAsync(letterId, new DispositionInput
        {
            ParentId = parentId,
            EmployeeIds = [.. employeeIds],
            Instructions = [.. instructions ?? ["Tindak Lanjuti"]],
            Deadline = deadline,
            Version = form.Version,
        });
    }

    public static DispositionView Disposition(this LetterDetail letter, Guid id) => letter.Dispositions.Single(d => d.Id == id);

    /// <summary>Records every event published while the returned subscription lives.</summary>
    public static (List<PortalEvent> Events, IDisposable Subscription) Listen(this PortalFactory factory)
    {
        var events = new List<PortalEvent>();
        var subscription = factory.Services.GetRequiredService<IPortalNotifier>().Subscribe(e =>
        {
            lock (events)
            {
                events.Add(e);
            }
            return Task.CompletedTask;
        });
        return (events, subscription);
    }

    public static async Task<int> UnitIdAsync(this PortalFactory factory, string code)
    {
        await using var db = factory.CreateDbContext();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Gives an employee a Pimpinan account (for leaders the demo has no account for).</summary>
    public static async Task<string> LeaderAccountAsync(this PortalFactory factory, string userName, int employeeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new ApplicationUser { UserName = userName, EmployeeId = employeeId, DisplayName = userName, LockoutEnabled = true };
            var result = await users.CreateAsync(user, PortalFactory.Password);
            Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(user, [Roles.Pimpinan, Roles.Pegawai]);
        }
        return userName;
    }
}
