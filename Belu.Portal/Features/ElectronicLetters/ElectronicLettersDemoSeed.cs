using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.ElectronicLetters.Delivery;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Belu.Portal.Features.Letters;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// Demo naskah dinas: one signed letter of each kind from the pegawai of Bidang Aptika, initialled by his Kabid and
/// signed by the Kepala Dinas Kominfo, each through the same commands a user's clicks call (start, save, chain, send,
/// paraf, sign), so the PDFs carry real PAdES signatures and the numbers are the register's gap-free ones. Internal
/// addressees receive theirs in their incoming box and some open them; the Surat Tugas gives its staff DL days.
/// Runs after the letters seed (which makes the bidang heads' accounts); skipped once any letter is signed.
/// </summary>
public sealed class ElectronicLettersDemoSeed(
    IDbContextFactory<PortalDbContext> dbFactory,
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> demoOptions,
    OfficeClock clock,
    ILogger<ElectronicLettersDemoSeed> logger) : IDemoSeedStep
{
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!demoOptions.Value.SignedLetters)
        {
            return;
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Set<SignedLetter>().AnyAsync(cancellationToken) || !await db.Users.AnyAsync(u => u.UserName == "kabid.aptika", cancellationToken))
            {
                return;
            }
        }
        await AsAsync("admin", async sp =>
        {
            var kop = (await sp.GetRequiredService<LetterheadQueries>().AllAsync(cancellationToken)).Single(k => k.OpdName == "Dinas Komunikasi dan Informatika");
            await sp.GetRequiredService<SaveLetterhead>().HandleAsync(kop.UnitId, new LetterheadInput
            {
                UnitName = kop.OpdName, Address = "Jalan Jenderal Sudirman, Atambua 85711",
                Contacts = "Telepon (0389) 21001, Pos-el diskominfo@belukab.go.id", UseDefaultEmblem = true, Version = kop.Version,
            }, cancellationToken);
            return true;
        });
        var passphrase = demoOptions.Value.SignerPassphrase;
        await AsAsync("pimpinan", sp => sp.GetRequiredService<EnrolSigner>().EnrolAsync(passphrase, passphrase, cancellationToken));
        var plan = await PlanAsync(cancellationToken);
        foreach (var letter in plan.Letters)
        {
            var signed = await SignAsync(letter, plan, passphrase, cancellationToken);
            foreach (var reader in letter.ReadBy)
            {
                await ReadAsync(reader, signed.SignedLetterId, cancellationToken);
            }
        }
        logger.LogInformation("Demo: {Count} naskah dinas signed electronically.", plan.Letters.Count);
    }

    private sealed record DemoLetter(ElectronicLetterKind Kind, DraftContent Content, string[] ReadBy);

    private sealed record Plan(int Kabid, int Kepala, IReadOnlyList<DemoLetter> Letters);

    private async Task<Plan> PlanAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Code.StartsWith("DISKOMINFO-") || u.Code == "DINKES")
            .ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.EmployeeId != null)
            .ToDictionaryAsync(u => u.UserName!, u => u.EmployeeId!.Value, ct);
        var pegawai = accounts["pegawai"];
        var colleague = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && e.SuperiorId == accounts["kabid.aptika"] && e.Id != pegawai).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(ct);
        var today = clock.Today;
        DraftParty Unit(string code) => new() { UnitId = units[code] };
        DraftParty Person(int id) => new() { EmployeeId = id };
        DraftContent Content(string subject, string body, params DraftParty[] to) => new()
        {
            Subject = subject, ClassificationCode = "000.1.2.3", Body = body, Addressees = [.. to],
        };

        var suratDinas = Content("Permintaan Data Aplikasi Layanan Kesehatan untuk Satu Data Belu",
            "Dengan hormat,\n\nDalam rangka penyusunan katalog aplikasi Satu Data Belu, kami mohon data aplikasi yang dikelola Dinas Kesehatan:\n1. Nama aplikasi\n2. Pengelola\n3. Alamat layanan\n\nDemikian, atas kerja samanya kami ucapkan terima kasih.",
            Unit("DINKES"));
        suratDinas.Copies = [Unit("DISKOMINFO-02")];
        var notaDinas = Content("Penayangan Informasi Layanan Aplikasi di Laman Pemerintah Kabupaten",
            "Bersama ini kami sampaikan daftar aplikasi layanan publik yang telah siap diumumkan kepada masyarakat. Mohon bantuan Bidang Informasi dan Komunikasi Publik untuk menayangkannya di laman resmi.\n\nDemikian disampaikan untuk menjadi perhatian.",
            Unit("DISKOMINFO-02"));
        notaDinas.Urgency = Letters.Domain.Urgency.Segera;
        var undangan = Content("Undangan Rapat Koordinasi Keamanan Informasi",
            "Dengan hormat,\n\nDalam rangka penguatan keamanan informasi di lingkungan Dinas Komunikasi dan Informatika, kami mengundang Saudara untuk hadir pada:",
            Unit("DISKOMINFO-04"), Unit("DISKOMINFO-01"));
        (undangan.EventDate, undangan.EventTime, undangan.EventPlace, undangan.EventAgenda) =
            (today.AddDays(7), "09:00 WITA s.d. selesai", "Ruang Rapat Diskominfo", "Rapat koordinasi keamanan informasi");
        var tugas = Content("Bimbingan Teknis Pengelolaan Aplikasi",
            "Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab, dan hasilnya dilaporkan kepada Kepala Dinas.");
        tugas.AssignedStaff = [Person(pegawai), Person(colleague)];
        (tugas.TaskFrom, tugas.TaskTo, tugas.TaskPlace, tugas.TaskPurpose) =
            (today, today.AddDays(2), "Kantor Kecamatan Atambua Barat", "Bimbingan teknis pengelolaan aplikasi layanan kecamatan");
        var edaran = Content("Penggunaan Kata Sandi yang Kuat pada Akun Layanan Pemerintah",
            "Sehubungan dengan meningkatnya upaya peretasan akun layanan pemerintah, diminta kepada seluruh pegawai untuk:\n1. Menggunakan kata sandi paling sedikit 12 karakter\n2. Tidak menggunakan kata sandi yang sama pada beberapa akun\n3. Mengganti kata sandi yang pernah dibagikan\n\nDemikian untuk dilaksanakan.",
            new DraftParty { Name = "Seluruh Pegawai Dinas Komunikasi dan Informatika", Address = "di Atambua" });

        return new Plan(accounts["kabid.aptika"], accounts["pimpinan"],
        [
            new(ElectronicLetterKind.SuratDinas, suratDinas, []),
            new(ElectronicLetterKind.NotaDinas, notaDinas, ["kabid.ikp"]),
            new(ElectronicLetterKind.SuratUndangan, undangan, ["kabid.sandi"]),
            new(ElectronicLetterKind.SuratTugas, tugas, []),
            new(ElectronicLetterKind.SuratEdaran, edaran, []),
        ]);
    }

    /// <summary>Drafted by the pegawai, initialled by his Kabid, signed by the Kepala Dinas: the commands the pages call.</summary>
    private async Task<SignedDraft> SignAsync(DemoLetter letter, Plan plan, string passphrase, CancellationToken ct)
    {
        var id = await AsAsync("pegawai", sp => sp.GetRequiredService<StartDraft>().HandleAsync(letter.Kind, ct));
        var version = await AsAsync("pegawai", async sp =>
        {
            var start = await sp.GetRequiredService<DraftDetailsQuery>().HandleAsync(id, ct);
            var saved = await sp.GetRequiredService<SaveDraft>().HandleAsync(id, letter.Content, start.Version, ct);
            var chained = await sp.GetRequiredService<EditChain>().HandleAsync(id, new ChainInput([plan.Kabid], plan.Kepala, saved.Version), ct);
            return await sp.GetRequiredService<SendForReview>().HandleAsync(id, chained, ct);
        });
        version = await AsAsync("kabid.aptika", sp => sp.GetRequiredService<InitialDraft>().HandleAsync(id, version, ct));
        return await AsAsync("pimpinan", sp => sp.GetRequiredService<SignDraft>().HandleAsync(id, passphrase, version, ct));
    }

    /// <summary>The receiving head opens the delivered surat masuk, which is what marks it "dibaca" for the sender.</summary>
    private async Task ReadAsync(string userName, Guid signedLetterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reader = await db.Users.Where(u => u.UserName == userName).Select(u => u.EmployeeId).SingleAsync(ct);
        var incoming = await db.Set<LetterDelivery>().AsNoTracking()
            .Where(d => d.SignedLetterId == signedLetterId && !d.IsCopy && d.RecipientEmployeeId == reader)
            .Select(d => d.IncomingLetterId).ToListAsync(ct);
        foreach (var letterId in incoming)
        {
            await AsAsync(userName, sp => sp.GetRequiredService<OpenLetter>().HandleAsync(letterId, ct));
        }
    }

    /// <summary>A scope acting as the demo account, as a signed-in circuit would.</summary>
    private async Task<T> AsAsync<T>(string userName, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"The demo has no account {userName}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        return await action(scope.ServiceProvider);
    }
}
