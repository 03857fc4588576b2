using System.Diagnostics;
using System.Globalization;
using Belu.Portal.Bench.Scale;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Bench.Sign;

/// <summary>
/// N signers sign at the same moment, through the real <see cref="SignDraft"/> (passphrase, PDF, PAdES, number,
/// delivery, one transaction each) on a demo database: every draft is the Diskominfo pegawai's, so every number comes
/// from one counter (Diskominfo, this year), the worst case. Reports the letters lost, the duplicates and the gaps in
/// the sequence, and the time each signature took.
/// </summary>
public static class SignersBench
{
    public const string Usage = "signers [--signers 50] [--letters 2] [--folder path]   N signers at once: numbers gap-free and unique per unit and year";

    private const string Passphrase = "Bench#Tanda2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var signers = Option(args, "--signers", 50);
        var letters = Option(args, "--letters", 2);
        var folder = args.SkipWhile(a => a != "--folder").Skip(1).FirstOrDefault()
            ?? Path.Combine(Path.GetTempPath(), "belu-bench-signers-" + Guid.NewGuid().ToString("N"));
        await using var app = await BenchHost.OpenAsync(folder, new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "true", ["Demo:IncomingLetters"] = "0", ["Demo:OutgoingLetters"] = "0", ["Demo:SignedLetters"] = "false",
        });
        var names = await SignerAccountsAsync(app, signers);
        Console.WriteLine($"signers: {names.Count} accounts enrolled, drafting {names.Count * letters} letters...");
        var drafts = new List<(string Signer, Guid Id, Guid Version)>();
        foreach (var name in names)
        {
            for (var i = 0; i < letters; i++)
            {
                var (id, version) = await AwaitingAsync(app, name, $"Naskah uji serentak {drafts.Count + 1}");
                drafts.Add((name, id, version));
            }
        }

        var before = await LastSequenceAsync(app);
        var start = new TaskCompletionSource();
        var watch = Stopwatch.StartNew();
        var runs = names.Select(name => Task.Run(async () =>
        {
            await start.Task;
            var results = new List<(string? Number, double Ms, string? Error)>();
            foreach (var draft in drafts.Where(d => d.Signer == name))
            {
                var one = Stopwatch.StartNew();
                try
                {
                    await using var scope = await BenchHost.SignedInScopeAsync(app, name);
                    var signed = await scope.ServiceProvider.GetRequiredService<SignDraft>().HandleAsync(draft.Id, Passphrase, draft.Version);
                    results.Add((signed.Number, one.Elapsed.TotalMilliseconds, null));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    results.Add((null, one.Elapsed.TotalMilliseconds, ex.GetType().Name + ": " + ex.Message));
                }
            }
            return results;
        })).ToList();
        start.SetResult();
        var all = (await Task.WhenAll(runs)).SelectMany(r => r).ToList();
        watch.Stop();

        var sequences = all.Where(r => r.Number is not null).Select(r => int.Parse(r.Number!.Split('/')[1], CultureInfo.InvariantCulture)).Order().ToList();
        var after = await LastSequenceAsync(app);
        var duplicates = sequences.Count - sequences.Distinct().Count();
        var gaps = Enumerable.Range(before + 1, Math.Max(0, after - before)).Except(sequences).Count();
        var times = all.Select(r => r.Ms).Order().ToList();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        foreach (var error in all.Where(r => r.Error is not null).GroupBy(r => r.Error).Take(5))
        {
            Console.WriteLine($"  failed ×{error.Count()}: {error.Key}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"signers: {names.Count} signers × {letters} letters = {drafts.Count} in {watch.Elapsed.TotalSeconds:F1} s; signed {sequences.Count}, lost {drafts.Count - sequences.Count}, "
            + $"numbers {before + 1}..{after}, duplicates {duplicates}, gaps {gaps}; per signature p50 {P(0.50):F0} ms, p95 {P(0.95):F0} ms, max {times[^1]:F0} ms"));
        Console.WriteLine($"database: {folder}");
        return sequences.Count == drafts.Count && duplicates == 0 && gaps == 0 ? 0 : 1;
    }

    /// <summary>An account (role Pegawai) for each of the first N active employees outside Diskominfo's pegawai, each enrolled with a certificate.</summary>
    private static async Task<List<string>> SignerAccountsAsync(WebApplication app, int count)
    {
        List<int> people;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var taken = await db.Users.Where(u => u.EmployeeId != null).Select(u => u.EmployeeId!.Value).ToListAsync();
            people = await db.Employees.Where(e => e.IsActive && !taken.Contains(e.Id)).OrderBy(e => e.Id).Select(e => e.Id).Take(count).ToListAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            string? hash = null;
            foreach (var (person, i) in people.Select((p, i) => (p, i)))
            {
                var user = new ApplicationUser { UserName = $"bench.signer{i + 1}", EmployeeId = person, DisplayName = $"bench.signer{i + 1}", EmailConfirmed = true };
                user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, "Belu#Bench2026");
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                }
                await users.AddToRoleAsync(user, Roles.Pegawai);
            }
        }
        var names = people.Select((_, i) => $"bench.signer{i + 1}").ToList();
        foreach (var name in names)
        {
            await using var signer = await BenchHost.SignedInScopeAsync(app, name);
            await signer.ServiceProvider.GetRequiredService<EnrolSigner>().EnrolAsync(Passphrase, Passphrase);
        }
        return names;
    }

    /// <summary>A complete Surat Dinas of the Diskominfo pegawai whose only step is the signer's signature, sent.</summary>
    private static async Task<(Guid Id, Guid Version)> AwaitingAsync(WebApplication app, string signerName, string subject)
    {
        await using var scope = await BenchHost.SignedInScopeAsync(app, "pegawai");
        var sp = scope.ServiceProvider;
        var signer = await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(signerName);
        await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var dinkes = await db.Units.Where(u => u.Code == "DINKES").Select(u => u.Id).SingleAsync();
        var id = await sp.GetRequiredService<StartDraft>().HandleAsync(ElectronicLetterKind.SuratDinas);
        var start = await sp.GetRequiredService<DraftDetailsQuery>().HandleAsync(id);
        var content = new DraftContent
        {
            Subject = subject, ClassificationCode = "000.1.2.3", Addressees = [new DraftParty { UnitId = dinkes }],
            Body = string.Join("\n\n", Enumerable.Range(1, 9).Select(i => $"Paragraf {i}. " + string.Concat(Enumerable.Repeat("Penyelenggaraan sistem pemerintahan berbasis elektronik di lingkungan Pemerintah Kabupaten Belu. ", 4)))),
        };
        var saved = await sp.GetRequiredService<SaveDraft>().HandleAsync(id, content, start.Version);
        var chained = await sp.GetRequiredService<EditChain>().HandleAsync(id, new ChainInput([], signer!.EmployeeId!.Value, saved.Version));
        return (id, await sp.GetRequiredService<SendForReview>().HandleAsync(id, chained));
    }

    private static async Task<int> LastSequenceAsync(WebApplication app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var unit = await db.Units.Where(u => u.Code == "DISKOMINFO").Select(u => u.Id).SingleAsync();
        var year = app.Services.GetRequiredService<OfficeClock>().Today.Year;
        return await db.OutgoingLetters.Where(o => o.UnitId == unit && o.Year == year).MaxAsync(o => (int?)o.Sequence) ?? 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
