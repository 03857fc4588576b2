using Belu.Portal.Features.Reports.Pipeline;

namespace Belu.Portal.Tests.Domain.Reports;

/// <summary>A streamed workbook starts to leave before its rows are read, and its rows are written as they come.</summary>
public class StreamingFirstByteTests
{
    [Fact]
    public async Task TheFirstBytesLeaveBeforeAnyRowIsReadAndTheRowsFollowAsTheyCome()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<SampleWorkbook.Line> Rows()
        {
            await release.Task;
            foreach (var line in SampleWorkbook.Lines)
            {
                yield return line;
            }
        }
        var document = new ReportDocument
        {
            Title = "Rekap Uji",
            PeriodLabel = "1 November 2026 s.d. 30 November 2026",
            FileName = "rekap-uji-2026-11-28.xlsx",
            Sheets = [new ReportSheet<SampleWorkbook.Line>("DISKOMINFO", "Dinas Komunikasi dan Informatika", SampleWorkbook.Layout, Rows(), SampleWorkbook.Lines.Length)],
        };
        var output = new WatchedStream();

        var writing = new StreamingWorkbookWriter().WriteAsync(WorkbookPlan.Create(document, SampleWorkbook.Stamp, SampleWorkbook.Wita), output, CancellationToken.None);
        await output.FirstWrite.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(writing.IsCompleted);
        var early = output.Length;
        Assert.True(early > 0);

        release.SetResult();
        await writing;
        Assert.True(output.Length > early);
        using var book = SampleWorkbook.Open(output.ToArray());
        var sheet = book.Worksheet(1);
        Assert.Equal(SampleWorkbook.Lines[0].Name, sheet.Cell(SheetPlan.FirstDataRow, 3).GetString());
        Assert.Equal(SampleWorkbook.Lines.Length, sheet.Cell(SheetPlan.FirstDataRow + SampleWorkbook.Lines.Length, 3).GetDouble());
    }

    /// <summary>A response body that says when its first bytes arrived.</summary>
    private sealed class WatchedStream : MemoryStream
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstWrite => _first.Task;

        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            _first.TrySetResult();
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            base.Write(buffer);
            _first.TrySetResult();
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
