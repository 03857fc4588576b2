using System.Diagnostics;
using Belu.Portal.Features.Reports.Pipeline;

namespace Belu.Portal.Bench.Excel;

/// <summary>
/// Measures a report writer on synthetic rows: wall time, peak memory, bytes written.
///   excel [streaming|closedxml] [rows] [output.xlsx]
/// </summary>
internal static class ExcelWriterBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var writerName = args.Length > 0 ? args[0] : "streaming";
        var rows = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var outputPath = args.Length > 2 ? args[2] : null;
        IWorkbookWriter writer = writerName switch
        {
            "streaming" => new StreamingWorkbookWriter(),
            "closedxml" => new ClosedXmlWorkbookWriter(),
            _ => throw new ArgumentException($"unknown writer '{writerName}' (streaming or closedxml)"),
        };

        var document = new ReportDocument
        {
            Title = "Rekap Uji Beban",
            PeriodLabel = "1 Januari 2026 s.d. 31 Desember 2026",
            FileName = "rekap-uji-beban.xlsx",
            Sheets = [new ReportSheet<BenchRow>("UJI", "Seluruh unit", BenchRow.Layout, BenchRow.GenerateAsync(rows), rows)],
        };
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");
        var plan = WorkbookPlan.Create(document, new ReportStamp("Pemerintah Kabupaten Belu", new DateTime(2026, 11, 28, 9, 0, 0), "WITA", "bench"), zone);

        await using Stream output = outputPath is null ? new CountingStream() : File.Create(outputPath);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await writer.WriteAsync(plan, output, CancellationToken.None);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"writer={writer.Name} rows={rows} columns={BenchRow.Layout.Columns.Count} seconds={watch.Elapsed.TotalSeconds:F2} "
            + $"bytes={output.Position} peakWorkingSetMB={self.PeakWorkingSet64 / 1024 / 1024} allocatedMB={allocated / 1024 / 1024} "
            + $"gen2={GC.CollectionCount(2)}");
        return 0;
    }
}

internal sealed record BenchRow(string Nip, string Name, string Position, string Unit, DateOnly Day, DateTime CheckInUtc, long LateMinutes, decimal Deduction, string Code)
{
    private static readonly IReadOnlyDictionary<string, string> Fills = new Dictionary<string, string>
    {
        ["H"] = "C6EFCE", ["TL1"] = "FFEB9C", ["TL2"] = "FFD966", ["TK"] = "FFC7CE", ["DL"] = "DDEBF7",
    };

    private static readonly string[] Codes = ["H", "H", "H", "TL1", "TL2", "TK", "DL"];

    public static readonly SheetLayout<BenchRow> Layout = new SheetLayout<BenchRow>()
        .RowNumber()
        .Text("NIP", 21, r => r.Nip)
        .Text("Nama", 28, r => r.Name)
        .Text("Jabatan", 32, r => r.Position)
        .Text("Unit", 40, r => r.Unit)
        .Date("Tanggal", 12, r => r.Day)
        .DateTime("Masuk (WITA)", 17, r => r.CheckInUtc)
        .Integer("Terlambat (menit)", 12, r => r.LateMinutes, ColumnTotal.Sum)
        .Percentage("Potongan TPP", 12, r => r.Deduction)
        .Code("Kode", 8, r => r.Code, Fills)
        .WithTotals();

    public static async IAsyncEnumerable<BenchRow> GenerateAsync(int count)
    {
        var random = new Random(20261128);
        var start = new DateOnly(2026, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var day = start.AddDays(i % 365);
            var code = Codes[random.Next(Codes.Length)];
            yield return new BenchRow(
                $"19{random.Next(60, 99)}0{random.Next(1, 9)}1{random.Next(0, 9)}20{random.Next(10, 24)}0{random.Next(1, 9)}1{random.Next(0, 2)}{random.Next(100, 999)}",
                $"Pegawai Uji {i:D6}", "Pranata Komputer Ahli Pertama", "Dinas Komunikasi dan Informatika › Bidang Aplikasi Informatika",
                day, day.ToDateTime(new TimeOnly(23, 0)).AddMinutes(random.Next(0, 120)).AddDays(-1), random.Next(0, 120),
                code == "TK" ? 0.04m : code.StartsWith('T') ? 0.005m : 0m, code);
            if (i % 1000 == 0)
            {
                await Task.Yield();
            }
        }
    }
}

/// <summary>Stands in for the network: counts bytes, keeps none.</summary>
internal sealed class CountingStream : Stream
{
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Flush()
    {
        // Nothing is kept.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => _length += count;

    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
}
