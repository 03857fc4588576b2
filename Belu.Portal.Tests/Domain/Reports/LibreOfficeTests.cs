using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using static Belu.Portal.Tests.Domain.Reports.SampleWorkbook;

namespace Belu.Portal.Tests.Domain.Reports;

/// <summary>The workbooks open in LibreOffice too (headless conversion to CSV), not only in the library that wrote them.</summary>
[Trait("Category", "Process")]
public class LibreOfficeTests
{
    [Theory]
    [MemberData(nameof(Writers), MemberType = typeof(SampleWorkbook))]
    public async Task LibreOfficeReadsTheWorkbookCellsAsWritten(IWorkbookWriter writer)
    {
        var folder = Path.Combine(Path.GetTempPath(), "belu-portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var xlsx = Path.Combine(folder, "rekap.xlsx");
            await File.WriteAllBytesAsync(xlsx, await WriteAsync(writer, OneSheet()));

            var csv = await LibreOffice.ConvertAsync(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1", ".csv");

            var rows = (await File.ReadAllLinesAsync(csv)).Select(Fields).ToList();
            Assert.Equal("Pemerintah Kabupaten Belu", rows[0][0]);
            Assert.Equal(["No", "NIP", "Nama", "Surat", "Nilai (Rp)", "Potongan TPP", "Tanggal", "Masuk (WITA)", "Kode"], rows[SheetPlan.HeaderRow - 1]);
            var first = rows[SheetPlan.FirstDataRow - 1];
            Assert.Equal(["1", "198503102010011001", Lines[0].Name], first[..3]);
            Assert.Equal(["02/11/2026", "03/11/2026 07:31", "TL1"], first[6..]);
            Assert.Equal("=HYPERLINK(\"http://contoh\",\"klik\")", rows[SheetPlan.FirstDataRow][2]);
            Assert.Equal("-1", rows[SheetPlan.FirstDataRow + 2][2]);
            Assert.Equal(["Jumlah", "", "5"], rows[SheetPlan.FirstDataRow + Lines.Length - 1][..3]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The fields of one CSV line (comma separated, double quotes doubled inside quoted fields).</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
