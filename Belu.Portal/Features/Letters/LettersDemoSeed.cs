using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Letters;

/// <summary>
/// Demo E-Surat for Dinas Kominfo: accounts for the heads of its bidang (so dispositions go down the tree) and a few
/// hundred incoming letters in every state, with dispositions, reports and tracks, plus an outgoing register.
/// Deterministic (fixed seed), idempotent (skips what exists), one SaveChanges for the letters.
/// </summary>
public sealed class LettersDemoSeed(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<ApplicationUser> userManager,
    IOptions<DemoOptions> demoOptions,
    OfficeClock clock,
    FileStore fileStore,
    ILogger<LettersDemoSeed> logger) : IDemoSeedStep
{
    /// <summary>Leader accounts for Diskominfo's sekretariat and bidang (unit code → user name).</summary>
    public static readonly IReadOnlyList<(string UserName, string UnitCode, string Description)> LeaderAccounts =
    [
        ("sekretaris", "DISKOMINFO-01", "Sekretaris Dinas Kominfo"),
        ("kabid.ikp", "DISKOMINFO-02", "Kepala Bidang Informasi dan Komunikasi Publik"),
        ("kabid.aptika", "DISKOMINFO-03", "Kepala Bidang Aplikasi Informatika"),
        ("kabid.sandi", "DISKOMINFO-04", "Kepala Bidang Persandian dan Statistik"),
    ];

    private const int RandomSeed = 20261129;

    public int Order => 30;

    public IReadOnlyList<DemoSeeder.DemoAccount> Accounts { get; } =
        LeaderAccounts.Select(a => new DemoSeeder.DemoAccount(a.UserName, Roles.Pimpinan, a.Description)).ToList();

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var opd = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == "DISKOMINFO", cancellationToken);
        if (opd is null)
        {
            return;
        }
        var employees = await db.Employees.AsNoTracking().Where(e => e.IsActive).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.ParentId == opd.Id).OrderBy(u => u.Code).ToListAsync(cancellationToken);
        Organization.Employee? HeadOf(int unitId) => employees
            .Where(e => e.UnitId == unitId && (e.SuperiorId is not int s || employees.FirstOrDefault(x => x.Id == s)?.UnitId != unitId))
            .OrderBy(e => e.Id).FirstOrDefault();

        await SeedLeaderAccountsAsync(units, HeadOf);
        if (await db.IncomingLetters.AnyAsync(l => l.UnitId == opd.Id, cancellationToken))
        {
            return;
        }
        var kadis = HeadOf(opd.Id);
        var agendaris = await UserEmployeeAsync("agendaris");
        var pegawai = await UserEmployeeAsync("pegawai");
        if (kadis is null || agendaris is null || units.Count == 0)
        {
            return;
        }
        var heads = units.Select(u => (Unit: u, Head: HeadOf(u.Id))).Where(x => x.Head is not null).Select(x => (x.Unit, Head: x.Head!)).ToList();
        var staffOf = heads.ToDictionary(h => h.Head.Id, h => employees.Where(e => e.SuperiorId == h.Head.Id).ToList());
        var scan = await fileStore.SaveAsync(new MemoryStream(DemoPdf()), "pindaian-surat.pdf", [FileKind.Pdf], cancellationToken);

        var plan = new Plan(new Random(RandomSeed), clock, opd.Id, kadis, agendaris.Value, pegawai, heads, staffOf, employees, scan);
        plan.Build(Math.Max(0, demoOptions.Value.IncomingLetters), Math.Max(0, demoOptions.Value.OutgoingLetters));
        // Thousands of new rows and nothing to compare: skip change detection, it is most of the cost.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.IncomingLetters.AddRange(plan.Letters);
        db.LetterGrants.AddRange(plan.Letters.SelectMany(LetterGrants.Of));
        db.LetterTrack.AddRange(plan.Track);
        db.LetterFiles.AddRange(plan.Files);
        db.OutgoingLetters.AddRange(plan.Outgoing);
        db.LetterCounters.AddRange(plan.Counters());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo letters seeded: {Incoming} incoming, {Outgoing} outgoing", plan.Letters.Count, plan.Outgoing.Count);
    }

    private async Task<int?> UserEmployeeAsync(string userName) => (await userManager.FindByNameAsync(userName))?.EmployeeId;

    private async Task SeedLeaderAccountsAsync(List<Organization.Unit> units, Func<int, Organization.Employee?> headOf)
    {
        // One salted hash serves every demo leader (same demo password): hashing is the slow part of creating an account.
        string? hash = null;
        foreach (var (userName, unitCode, _) in LeaderAccounts)
        {
            if (await userManager.FindByNameAsync(userName) is not null || units.FirstOrDefault(u => u.Code == unitCode) is not { } unit
                || headOf(unit.Id) is not { } head || userManager.Users.Any(u => u.EmployeeId == head.Id))
            {
                continue;
            }
            var user = new ApplicationUser
            {
                UserName = userName, EmployeeId = head.Id, DisplayName = head.Name, EmailConfirmed = true, LockoutEnabled = true,
            };
            user.PasswordHash = hash ??= userManager.PasswordHasher.HashPassword(user, demoOptions.Value.Password);
            var created = await userManager.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Akun demo '{userName}' gagal dibuat: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            await userManager.AddToRolesAsync(user, [Roles.Pimpinan, Roles.Pegawai]);
        }
    }

    /// <summary>A small valid one-page PDF that says it is a demo scan.</summary>
    internal static byte[] DemoPdf()
    {
        const string text = "CONTOH PINDAIAN SURAT - DATA DEMO BELU.PORTAL";
        var content = $"BT /F1 14 Tf 60 760 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:0000000000} 00000 n \n");
        }
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
