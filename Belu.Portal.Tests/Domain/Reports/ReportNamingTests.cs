using Belu.Portal.Common;
using Belu.Portal.Features.Reports.Pipeline;

namespace Belu.Portal.Tests.Domain.Reports;

public class ReportNamingTests
{
    [Theory]
    [InlineData("daftar-pegawai", "DISKOMINFO", "daftar-pegawai-diskominfo-2026-11-28.xlsx")]
    [InlineData("daftar-pegawai", "semua unit", "daftar-pegawai-semua-unit-2026-11-28.xlsx")]
    [InlineData("Rekap Absensi", "Kecamatan Atambua Barat / Kelurahan", "rekap-absensi-kecamatan-atambua-barat-kelurahan-2026-11-28.xlsx")]
    [InlineData("agenda-surat-masuk", null, "agenda-surat-masuk-2026-11-28.xlsx")]
    [InlineData("rekap", "Dinas Pendidikan, Pemuda & Olahraga (Café)", "rekap-dinas-pendidikan-pemuda-olahraga-cafe-2026-11-28.xlsx")]
    public void FileNamesAreLowerCaseAsciiWordsAndTheDate(string report, string? scope, string expected) =>
        Assert.Equal(expected, ReportFileName.Create(report, scope, new DateOnly(2026, 11, 28)));

    [Theory]
    [InlineData("2026-11-01", "2026-11-30", "2026-11")]
    [InlineData("2026-02-01", "2026-02-28", "2026-02")]
    [InlineData("2026-01-01", "2026-12-31", "2026")]
    [InlineData("2026-01-01", "2026-11-28", "2026-01-01-sd-2026-11-28")]
    [InlineData("2026-11-28", "2026-11-28", "2026-11-28")]
    public void APeriodIsNamedAsAClerkFilesIt(string from, string to, string expected) =>
        Assert.Equal(expected, ReportFileName.PeriodOf(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void AnOpdIsNamedByItsCodeAndASubUnitByItsOpdAndItsName()
    {
        var tree = new Features.Organization.UnitTree(
        [
            new(1, null, "Pemerintah Kabupaten Belu", "PEMKAB", Features.Organization.UnitKind.Pemkab, 0, true),
            new(2, 1, "Dinas Komunikasi dan Informatika", "DISKOMINFO", Features.Organization.UnitKind.Opd, 1, true),
            new(3, 2, "Bidang Aplikasi Informatika", "DISKOMINFO-03", Features.Organization.UnitKind.Bidang, 3, true),
            new(4, 2, "Sekretariat", "DISKOMINFO-01", Features.Organization.UnitKind.Bagian, 1, true),
        ]);
        Assert.Equal("PEMKAB", ReportUnitNames.Of(tree, 1));
        Assert.Equal("DISKOMINFO", ReportUnitNames.Of(tree, 2));
        Assert.Equal("DISKOMINFO Aplikasi Informatika", ReportUnitNames.Of(tree, 3));
        Assert.Equal("DISKOMINFO Sekretariat", ReportUnitNames.Of(tree, 4));
        Assert.Equal("rekap-absensi-diskominfo-aplikasi-informatika-2026-11.xlsx",
            ReportFileName.Create("rekap-absensi", ReportUnitNames.Of(tree, 3), ReportFileName.PeriodOf(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))));
    }

    [Fact]
    public void SheetNamesAreMadeSafeForExcelAndUnique()
    {
        var names = SheetNames.MakeSafe(["DISKOMINFO", "diskominfo", "a/b:c*d?e[f]g\\h", "", "'Kutip'", new string('x', 40), new string('x', 40)]);
        Assert.Equal(["DISKOMINFO", "diskominfo (2)", "a-b-c-d-e-f-g-h", "Lembar", "Kutip", new string('x', 31), new string('x', 27) + " (2)"], names);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(8, "H")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(53, "BA")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    public void ColumnNamesFollowExcel(int column, string name) => Assert.Equal(name, SheetPlan.ColumnName(column));

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+62 812", true)]
    [InlineData("-5", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tx", true)]
    [InlineData("\rx", true)]
    [InlineData("Kepala Dinas", false)]
    [InlineData("198503102010011001", false)]
    [InlineData(" =1", false)]
    [InlineData("", false)]
    public void TextThatASpreadsheetWouldRunIsFlagged(string text, bool flagged) =>
        Assert.Equal(flagged, SheetPlan.NeedsQuotePrefix(text));

    [Fact]
    public void APeriodUpToTheLimitIsAcceptedAndOneDayMoreIsRefused()
    {
        var from = new DateOnly(2026, 1, 1);
        Assert.Equal(366, ReportPeriod.Create(from, from.AddDays(365), 366).Days);
        var error = Assert.Throws<ValidationException>(() => ReportPeriod.Create(from, from.AddDays(366), 366));
        Assert.Contains("Paling lama 366 hari", error.Message);
        Assert.Throws<ValidationException>(() => ReportPeriod.Create(from, from.AddDays(-1), 366));
        Assert.Equal("1 Januari 2026", ReportPeriod.Create(from, from, 1).Label);
        Assert.Equal("1 November 2026 s.d. 30 November 2026", ReportPeriod.Create(new(2026, 11, 1), new(2026, 11, 30), 31).Label);
        Assert.Equal("Keadaan per 28 November 2026", ReportPeriod.AsOf(new DateOnly(2026, 11, 28)));
    }
}
