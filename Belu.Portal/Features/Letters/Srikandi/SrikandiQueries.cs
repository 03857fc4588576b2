using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters.Srikandi;

/// <summary>A letter's SRIKANDI facts for its page, and SRIKANDI's PDF for whoever may see the letter (reads audited).</summary>
public sealed class SrikandiQueries(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    LetterDirectories directories,
    AuditLog audit,
    FileStore fileStore)
{
    /// <exception cref="Common.NotFoundException">No such letter, or out of the caller's scope.</exception>
    public async Task<SrikandiView> ForAsync(SrikandiTarget target, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        var unitId = await SrikandiLetters.RequireVisibleAsync(db, dir, target, ct);
        var canRecord = currentUser.IsInRole(Roles.Agendaris) && dir.Viewer.AgendaUnitId == unitId;
        var record = await SrikandiLetters.Records(db, target).AsNoTracking().FirstOrDefaultAsync(ct);
        return record is null
            ? new SrikandiView(null, null, null, null, null, canRecord, null)
            : new SrikandiView(record.Number, record.PdfFileName, record.PdfLength, record.RecordedAtUtc, dir.NameOf(record.RecordedById), canRecord, record.Version);
    }

    /// <exception cref="Common.NotFoundException">No such letter or PDF, or out of the caller's scope.</exception>
    public async Task<(Stream Content, string FileName)> OpenPdfAsync(SrikandiTarget target, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dir = await directories.LoadAsync(db, currentUser, ct);
        await SrikandiLetters.RequireVisibleAsync(db, dir, target, ct);
        var record = await SrikandiLetters.Records(db, target).AsNoTracking().FirstOrDefaultAsync(ct);
        if (record?.PdfStorageKey is not string key)
        {
            throw new Common.NotFoundException("Surat ini belum memiliki PDF SRIKANDI.");
        }
        var stream = fileStore.OpenRead(key);
        await audit.WriteAsync("letter.srikandi.read", record.Number, record.PdfFileName);
        return (stream, record.PdfFileName ?? "srikandi.pdf");
    }

    /// <summary>The address of a letter's SRIKANDI PDF.</summary>
    public static string PdfLink(SrikandiTarget target) =>
        $"/surat/srikandi/{(target.Register == LetterRegister.Incoming ? "masuk" : "keluar")}/{target.LetterId}";
}
