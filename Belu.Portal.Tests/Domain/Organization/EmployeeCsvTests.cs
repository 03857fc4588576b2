using System.Text;
using Belu.Portal.Features.Organization;

namespace Belu.Portal.Tests.Domain.Organization;

public class EmployeeCsvTests
{
    private static EmployeeCsvResult Parse(string text) => EmployeeCsv.Parse(Encoding.UTF8.GetBytes(text), 2026);

    [Fact]
    public void ASemicolonFileFromIndonesianExcelIsRead()
    {
        var result = Parse("NIP;Nama;Jabatan;Kode Unit;NIP Atasan;Jenis\r\n" +
            "198503122010011003;Yohanes Bria, S.Kom.;Pranata Komputer;DISKOMINFO-03;;PNS\r\n" +
            ";Maria Seran;Tenaga Pendukung;diskominfo-01;198503122010011003;Non-ASN\r\n");
        Assert.True(result.IsValid, string.Join("; ", result.Rows.SelectMany(r => r.Errors)));
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("Yohanes Bria, S.Kom.", result.Rows[0].Name);
        Assert.Equal(2, result.Rows[0].Line);
        Assert.Null(result.Rows[1].Nip);
        Assert.Equal("DISKOMINFO-01", result.Rows[1].UnitCode);
        Assert.Equal(EmploymentType.NonAsn, result.Rows[1].EmploymentType);
        Assert.Equal("198503122010011003", result.Rows[1].SuperiorNip);
    }

    [Fact]
    public void CommaSeparatedWithQuotesAndABomIsRead()
    {
        var result = Parse("\uFEFFnama,nip,jabatan,unit\n\"Bria, Yohanes\",\"19850312 201001 1 003\",\"Analis \"\"Senior\"\"\",SETDA-01\n");
        Assert.True(result.IsValid);
        Assert.Equal("Bria, Yohanes", result.Rows[0].Name);
        Assert.Equal("198503122010011003", result.Rows[0].Nip);
        Assert.Equal("Analis \"Senior\"", result.Rows[0].Position);
    }

    [Fact]
    public void MissingColumnsAreNamed()
    {
        var result = Parse("NIP;Nama\n198503122010011003;Yohanes\n");
        Assert.False(result.IsValid);
        Assert.Contains("Jabatan", result.FileError);
        Assert.Contains("Kode Unit", result.FileError);
    }

    [Fact]
    public void ANonUtf8FileIsRefusedWithAHint()
    {
        var latin1 = Encoding.Latin1.GetBytes("NIP;Nama;Jabatan;Kode Unit\n198503122010011003;José Seran;Staf;SETDA-01\n");
        var result = EmployeeCsv.Parse(latin1, 2026);
        Assert.Contains("UTF-8", result.FileError);
    }

    [Fact]
    public void EachBadLineIsReportedWithItsLineNumber()
    {
        var result = Parse("NIP;Nama;Jabatan;Kode Unit;Jenis\n" +
            "198503122010011003;Yohanes;Staf;SETDA-01;PNS\n" +
            "\n" +
            "12345;Maria;Staf;SETDA-01;PNS\n" +
            "198503122010011003;Petrus;Staf;SETDA-01;PNS\n" +
            ";Agnes;Staf;;PNS\n" +
            "198001012005012001;=HYPERLINK(\"x\");Staf;SETDA-01;Honorer lepas\n");
        Assert.False(result.IsValid);
        Assert.Equal(4, result.ErrorCount);
        Assert.True(result.Rows.Single(r => r.Line == 2).IsValid);
        Assert.Contains(result.Rows.Single(r => r.Line == 4).Errors, e => e.Contains("18 angka"));
        Assert.Contains(result.Rows.Single(r => r.Line == 5).Errors, e => e.Contains("sudah ada di baris 2"));
        var line6 = result.Rows.Single(r => r.Line == 6).Errors;
        Assert.Contains(line6, e => e.Contains("NIP wajib diisi untuk PNS"));
        Assert.Contains(line6, e => e.Contains("Kode unit wajib"));
        var line7 = result.Rows.Single(r => r.Line == 7).Errors;
        Assert.Contains(line7, e => e.Contains("diawali tanda ="));
        Assert.Contains(line7, e => e.Contains("tidak dikenal"));
    }

    [Fact]
    public void AHeaderWithoutDataIsEmpty() =>
        Assert.Contains("tidak berisi data", Parse("NIP;Nama;Jabatan;Kode Unit\n").FileError);

    [Fact]
    public void AnEmptyFileIsRefused() => Assert.Equal("Berkas kosong.", Parse("").FileError);

    [Fact]
    public void TheDownloadableTemplateIsItselfValid() => Assert.True(Parse(EmployeeCsv.Template).IsValid);
}
