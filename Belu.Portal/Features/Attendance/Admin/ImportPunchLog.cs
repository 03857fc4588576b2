using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>An administrator previews and imports a machine's log file (PIN + time); importing it twice changes nothing. Audited.</summary>
public sealed class ImportPunchLog(
    CurrentUser currentUser,
    DeviceIngestService ingest,
    AuditLog audit,
    ILogger<ImportPunchLog> logger)
{
    /// <summary>Reads a machine log and checks every line without storing anything.</summary>
    public async Task<(PunchBatchResult Result, IReadOnlyList<PreviewLine> Lines)> PreviewImportAsync(string text, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        RequireText(text);
        return await ingest.IngestAsync(ingest.FromLines(PunchLineParser.ParseFile(text)), PunchSource.Import, null, store: false, ct);
    }

    /// <summary>Stores the good lines of a machine log; importing the same file twice changes nothing.</summary>
    public async Task<(PunchBatchResult Result, IReadOnlyList<PreviewLine> Lines)> ImportAsync(string text, string fileName, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        RequireText(text);
        var outcome = await ingest.IngestAsync(ingest.FromLines(PunchLineParser.ParseFile(text)), PunchSource.Import, null, store: true, ct);
        await audit.WriteAsync("attendance.import", FileStoreName(fileName),
            $"diterima {outcome.Result.Accepted}, duplikat {outcome.Result.Duplicated}, ditolak {outcome.Result.Rejected}");
        return outcome;
    }

    private static string FileStoreName(string name) => Common.Files.FileStore.SafeName(name);

    /// <summary>A machine log is text; an archive or a program renamed .dat would only fill the preview with noise.</summary>
    private void RequireText(string text)
    {
        if (text.Contains('\0'))
        {
            logger.LogWarning("Refused a punch log that is not text");
            throw new ValidationException("Berkas bukan berkas teks log mesin absensi (berisi data biner). Ekspor ulang log dari mesin sebagai .dat, .txt atau .csv.");
        }
    }
}
