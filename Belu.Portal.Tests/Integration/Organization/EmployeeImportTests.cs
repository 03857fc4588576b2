using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Organization;

public class EmployeeImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task AFileWithOneBadLineImportsNothing()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var import = scope.ServiceProvider.GetRequiredService<EmployeeImportService>();
        await using var db = factory.CreateDbContext();
        var before = await db.Employees.CountAsync();

        var preview = await import.PreviewAsync(Csv("NIP;Nama;Jabatan;Kode Unit\n" +
            "199001012015031001;Baru Satu;Staf;DISKOMINFO-02\n" +
            "199001012015031002;Baru Dua;Staf;UNIT-TIDAK-ADA\n"));

        Assert.False(preview.IsValid);
        Assert.True(preview.Rows.Single(r => r.Line == 2).IsValid);
        Assert.Contains("UNIT-TIDAK-ADA tidak ditemukan", preview.Rows.Single(r => r.Line == 3).Errors.Single());
        await Assert.ThrowsAsync<ValidationException>(() => import.ImportAsync(preview));
        Assert.Equal(before, await db.Employees.CountAsync());
    }

    [Fact]
    public async Task AValidFileImportsEveryoneAndLinksSuperiorsWithinTheFile()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var import = scope.ServiceProvider.GetRequiredService<EmployeeImportService>();
        var preview = await import.PreviewAsync(Csv("NIP;Nama;Jabatan;Kode Unit;NIP Atasan;Jenis\n" +
            "199102022016042003;Anak Buah;Staf;DISKOMINFO-04;198802022012041005;PNS\n" +
            "198802022012041005;Kepala Seksi Baru;Kepala Seksi;DISKOMINFO-04;;PNS\n" +
            ";Honorer Baru;Operator;DISKOMINFO-04;198802022012041005;Non-ASN\n"));
        Assert.True(preview.IsValid, string.Join("; ", preview.Rows.SelectMany(r => r.Errors)));

        Assert.Equal(3, await import.ImportAsync(preview));
        await using var db = factory.CreateDbContext();
        var chief = await db.Employees.SingleAsync(e => e.Nip == "198802022012041005");
        var staff = await db.Employees.SingleAsync(e => e.Nip == "199102022016042003");
        var contract = await db.Employees.SingleAsync(e => e.Name == "Honorer Baru");
        Assert.Equal(chief.Id, staff.SuperiorId);
        Assert.Equal(chief.Id, contract.SuperiorId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "employee.imported"));
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceIsRefusedTheSecondTime()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var import = scope.ServiceProvider.GetRequiredService<EmployeeImportService>();
        const string file = "NIP;Nama;Jabatan;Kode Unit\n199203032017051007;Sekali Saja;Staf;DINSOS-02\n";
        var first = await import.PreviewAsync(Csv(file));
        var second = await import.PreviewAsync(Csv(file));
        Assert.Equal(1, await import.ImportAsync(first));
        await Assert.ThrowsAsync<ValidationException>(() => import.ImportAsync(second));
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Employees.CountAsync(e => e.Nip == "199203032017051007"));
    }

    [Fact]
    public async Task ACircularChainInTheFileIsReported()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var import = scope.ServiceProvider.GetRequiredService<EmployeeImportService>();
        var preview = await import.PreviewAsync(Csv("NIP;Nama;Jabatan;Kode Unit;NIP Atasan\n" +
            "199304042018061009;A;Staf;DINSOS-02;199405052019071011\n" +
            "199405052019071011;B;Staf;DINSOS-02;199304042018061009\n"));
        Assert.False(preview.IsValid);
        Assert.All(preview.Rows, r => Assert.Contains(r.Errors, e => e.Contains("melingkar")));
    }

    [Fact]
    public async Task ABinaryFileIsRefused()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var import = scope.ServiceProvider.GetRequiredService<EmployeeImportService>();
        var preview = await import.PreviewAsync(new MemoryStream([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
        Assert.NotNull(preview.FileError);
    }
}
