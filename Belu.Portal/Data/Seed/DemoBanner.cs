using Belu.Portal.Common;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Data.Seed;

public static class DemoBanner
{
    /// <summary>Tells whoever started the portal how to sign in to the demo.</summary>
    public static void PrintDemoAccounts(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.Seed)
        {
            return;
        }
        var accounts = ListAccounts(app.Services);
        var passwordNote = demo.Password == DemoOptions.DefaultPassword ? demo.Password : "(Demo:Password dari konfigurasi)";
        var lines = new List<string> { "", "Akun demo Belu.Portal (kata sandi: " + passwordNote + "):" };
        lines.AddRange(accounts.Select(a => $"  {a.UserName,-13} {a.Role,-10} {a.Description}"));
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
        app.Logger.LogInformation("Demo accounts available: {Accounts}", string.Join(", ", accounts.Select(a => a.UserName)));
    }

    /// <summary>Every demo account: the foundation's one per role plus those the feature seed steps add.</summary>
    public static IReadOnlyList<DemoSeeder.DemoAccount> ListAccounts(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return DemoSeeder.Accounts
            .Concat(scope.ServiceProvider.GetServices<IDemoSeedStep>().OrderBy(s => s.Order).SelectMany(s => s.Accounts))
            .ToList();
    }
}
