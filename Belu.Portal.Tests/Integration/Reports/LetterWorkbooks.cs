using System.Net;
using Belu.Portal.Features.Reports.Pipeline;
using ClosedXML.Excel;

namespace Belu.Portal.Tests.Integration.Reports;

/// <summary>Reading back the workbooks the letter exports answer.</summary>
internal static class LetterWorkbooks
{
    public static async Task<XLWorkbook> ReadAsync(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>The rows numbered 1, 2, ... under the header (the totals row has a label, not a number).</summary>
    public static List<int> DataRows(IXLWorksheet ws)
    {
        var rows = new List<int>();
        for (var r = SheetPlan.FirstDataRow; ws.Cell(r, 1).DataType == XLDataType.Number; r++)
        {
            rows.Add(r);
        }
        return rows;
    }
}
