using System.Diagnostics;
using System.Globalization;
using Belu.Portal.Bench.Excel;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Reports.Attendance;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Features.Reports.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Bench.Scale;

/// <summary>scale export: one export through the report pipeline, its time and peak memory.</summary>
internal static class ScaleExport
{
    public static async Task<int> RunAsync(string kind, string folder)
    {
        await using var app = await BenchHost.OpenAsync(folder, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        await using var scope = await BenchHost.SignedInScopeAsync(app, kind == "register" ? "agendaris" : "admin");
        var exporter = scope.ServiceProvider.GetRequiredService<ReportExporter>();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var body = new CountingStream();
        context.Response.Body = body;

        // Measure the export alone: the peak resident set is reset once the host is up (Linux: clear_refs 5).
        GC.Collect();
        ResetPeak();
        var baseline = Resident();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        IResult result;
        string what;
        if (kind == "register")
        {
            var report = scope.ServiceProvider.GetRequiredService<IncomingRegisterReport>();
            // The longest period the register allows (a year) covers every seeded letter (the last 150 days).
            var today = app.Services.GetRequiredService<OfficeClock>().Today;
            result = await exporter.ExportAsync(report, new IncomingRegisterRequest(null, null, null, null, null, today.AddDays(-365), today, null, null, null), default);
            what = "Agenda surat masuk, every letter of the unit for a year";
        }
        else if (kind == "attendance")
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var root = await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            var report = scope.ServiceProvider.GetRequiredService<AttendanceRecapReport>();
            result = await exporter.ExportAsync(report, new AttendanceRecapRequest([root], ScaleBench.Month, ScaleBench.Month.AddMonths(1).AddDays(-1)), default);
            what = "Rekap absensi bulanan Oktober 2026, the whole regency on one sheet";
        }
        else
        {
            Console.Error.WriteLine("export register|attendance <folder>");
            return 2;
        }
        await result.ExecuteAsync(context);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (context.Response.StatusCode != StatusCodes.Status200OK || body.Length == 0)
        {
            Console.Error.WriteLine($"export refused: {context.Response.StatusCode}");
            return 1;
        }
        var (peak, current) = PeakAndResident();
        Console.WriteLine($"{what}: {seconds:F2} s, {body.Length / 1024} KB written; resident before {baseline / 1024} MB, "
            + $"peak during the export {peak / 1024} MB (+{(peak - baseline) / 1024} MB), allocated {allocated / 1024 / 1024} MB");
        return 0;
    }

    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Environment.ProcessId}/clear_refs", "5");
        }
        catch (IOException)
        {
            Console.Error.WriteLine("(the peak resident set could not be reset: the peak includes start-up)");
        }
        catch (UnauthorizedAccessException)
        {
            Console.Error.WriteLine("(the peak resident set could not be reset: the peak includes start-up)");
        }
    }

    private static long Resident() => PeakAndResident().Current;

    /// <summary>VmHWM and VmRSS of this process, in KB.</summary>
    private static (long Peak, long Current) PeakAndResident()
    {
        long peak = 0, current = 0;
        foreach (var line in File.ReadLines($"/proc/{Environment.ProcessId}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        return (peak, current);
    }
}
