using System.Diagnostics;
using System.Globalization;
using Belu.Portal.Bench.Common;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Reports.Attendance;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Features.Reports.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// scale export: one export through the report pipeline (<see cref="ReportExporter"/>, its result written into a
/// response body), with the time to the first byte, the total time, the peak resident memory and the allocations.
/// </summary>
internal static class ScaleExport
{
    public const string Usage = "scale export register|attendance <folder> [--bulk] [--regency | --archive] [--out file.xlsx]\n"
        + "   --bulk      a set of 'scale bulk': the register as skala.agendaris (its OPD), the sheet as admin\n"
        + "   --regency   the register as the head of the root unit (every letter not secret), the longest period allowed (366 days)\n"
        + "   --archive   the same head, every letter since the first: the year limit lifted by the bench (the portal refuses it)";

    public static async Task<int> RunAsync(string kind, string folder, string[] options)
    {
        var bulk = options.Contains("--bulk");
        var regency = options.Contains("--regency");
        var archive = options.Contains("--archive");
        var keep = Array.IndexOf(options, "--out") is var o and >= 0 && o + 1 < options.Length ? options[o + 1] : null;
        if (kind is not ("register" or "attendance") || (kind == "attendance" && (regency || archive)))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        await using var app = await BenchHost.OpenAsync(folder, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        if (regency || archive)
        {
            await RegisterArchive.EnsureRegencyHeadAsync(app);
        }
        var account = kind == "attendance" ? "admin" : regency || archive ? RegisterArchive.RegencyHead : bulk ? "skala.agendaris" : "agendaris";
        await using var scope = await BenchHost.SignedInScopeAsync(app, account);
        var exporter = scope.ServiceProvider.GetRequiredService<ReportExporter>();
        var today = app.Services.GetRequiredService<OfficeClock>().Today;
        int? root = null;
        DateOnly first = today;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            root = await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            if (archive)
            {
                first = await db.IncomingLetters.MinAsync(l => l.ReceivedDate);
            }
        }

        // Measure the export alone: the peak resident set is reset once the host is up (Linux: clear_refs 5).
        GC.Collect();
        ResidentMemory.ResetPeak();
        var baseline = ResidentMemory.Read().Current;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await using var body = new FirstByteStream(started, keep);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = body;
        IResult result;
        string what;
        if (kind == "register")
        {
            var register = scope.ServiceProvider.GetRequiredService<IncomingRegisterReport>();
            // The longest period the register allows: 366 days, today included. The archive: since the first letter.
            var from = archive ? first : today.AddDays(-365);
            var request = new IncomingRegisterRequest(null, null, null, null, null, from, today, null, null, null);
            result = archive
                ? await exporter.ExportAsync(new RegisterArchive.Unlimited(register), request, default)
                : await exporter.ExportAsync(register, request, default);
            what = $"Agenda surat masuk as {account}, {from:yyyy-MM-dd} to {today:yyyy-MM-dd}" + (archive ? " (year limit lifted by the bench)" : "");
        }
        else
        {
            var report = scope.ServiceProvider.GetRequiredService<AttendanceRecapReport>();
            result = await exporter.ExportAsync(report, new AttendanceRecapRequest([root.Value], ScaleBench.Month, ScaleBench.Month.AddMonths(1).AddDays(-1)), default);
            what = $"Rekap absensi bulanan {ScaleBench.Month:yyyy-MM}, the whole regency on one sheet";
        }
        await result.ExecuteAsync(context);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        // CPU time of all threads: on the shared machine the wall time depends on the load, this much less.
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
        if (context.Response.StatusCode != StatusCodes.Status200OK || body.Length == 0)
        {
            Console.Error.WriteLine($"export refused: {context.Response.StatusCode}");
            return 1;
        }
        var (peak, _) = ResidentMemory.Read();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: first byte {body.FirstByteSeconds:F2} s, total {seconds:F2} s (CPU {cpu:F2} s), {body.Length / 1024:N0} KB written; resident before {baseline / 1024} MB, "
            + $"peak during the export {peak / 1024} MB (+{(peak - baseline) / 1024} MB), allocated {allocated / 1024 / 1024:N0} MB, {collections} collections"));
        var key = "export." + (kind == "attendance" ? "attendance" : archive ? "archive" : regency ? "regency" : "register");
        BenchResults.Record(key + ":seconds", seconds, "s", string.Create(CultureInfo.InvariantCulture, $"{what}; CPU {cpu:F2} s, {body.Length / 1024:N0} KB"));
        BenchResults.Record(key + ":first-byte", body.FirstByteSeconds ?? double.NaN, "s");
        BenchResults.Record(key + ":peak", peak / 1024.0, "MB", $"resident before {baseline / 1024} MB");
        if (keep is not null)
        {
            Console.WriteLine($"kept as {keep}");
        }
        return 0;
    }
}
