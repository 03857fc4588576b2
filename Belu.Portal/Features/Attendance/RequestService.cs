using System.ComponentModel.DataAnnotations;
using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using ValidationException = Belu.Portal.Common.ValidationException;

namespace Belu.Portal.Features.Attendance;

/// <summary>The request form. <see cref="EmployeeId"/> is for bridges; anyone but the caller is refused.</summary>
public sealed class RequestInput
{
    public int? EmployeeId { get; set; }

    public RequestKind Kind { get; set; } = RequestKind.C;

    [Required(ErrorMessage = "Tanggal mulai wajib diisi.")]
    public DateOnly? From { get; set; }

    [Required(ErrorMessage = "Tanggal selesai wajib diisi.")]
    public DateOnly? To { get; set; }

    [Required(ErrorMessage = "Alasan wajib diisi.")]
    [StringLength(1000, MinimumLength = 5, ErrorMessage = "Alasan 5–1000 karakter.")]
    public string Reason { get; set; } = "";
}

/// <summary>A document sent with a request (surat tugas, surat dokter, formulir cuti).</summary>
public sealed record RequestDocument(Stream Content, string FileName);

public sealed record RequestRow(
    Guid Id, int EmployeeId, string EmployeeName, string? Nip, RequestKind Kind, DateOnly From, DateOnly To, string Reason,
    RequestStatus Status, string? ApproverName, string? DecisionNote, DateTime CreatedUtc, DateTime? DecidedUtc, bool HasDocument, Guid Version);

/// <summary>
/// Requests for DL, C, S and I. An employee asks for themself; the direct superior (or, when that superior has no
/// portal account, the next one up who has) decides; an approval rewrites the closed days the request covers.
/// </summary>
public sealed class RequestService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AttendanceEngine engine,
    FileStore files,
    AuditLog audit,
    IPortalNotifier notifier,
    OfficeClock clock)
{
    private static readonly FileKind[] DocumentKinds = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    /// <summary>How far back a request may start (a sick note brought in afterwards).</summary>
    public const int MaxDaysBack = 31;

    public const int MaxLengthDays = 90;

    public async Task<Guid> CreateAsync(RequestInput input, RequestDocument? document, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        if (input.EmployeeId is int other && other != me)
        {
            throw new ForbiddenException("Permohonan hanya dapat diajukan untuk diri sendiri.");
        }
        var errors = Validate(input, document);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }
        var from = input.From!.Value;
        var to = input.To!.Value;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overlapping = await db.AttendanceRequests.AsNoTracking()
            .Where(r => r.EmployeeId == me && (r.Status == RequestStatus.Diajukan || r.Status == RequestStatus.Disetujui) && r.From <= to && r.To >= from)
            .OrderBy(r => r.From).FirstOrDefaultAsync(ct);
        if (overlapping is not null)
        {
            throw new ValidationException(
                $"Tanggal {from:dd/MM/yyyy}–{to:dd/MM/yyyy} bertumpuk dengan permohonan {overlapping.Kind.Label()} {overlapping.From:dd/MM/yyyy}–{overlapping.To:dd/MM/yyyy} yang {(overlapping.Status == RequestStatus.Diajukan ? "masih menunggu keputusan" : "sudah disetujui")}.",
                new Dictionary<string, string> { [nameof(input.From)] = "Bertumpuk dengan permohonan lain." });
        }
        var approver = await ApproverOfAsync(db, me, ct)
            ?? throw new ValidationException("Atasan langsung Anda belum tercatat atau belum memiliki akun portal. Hubungi admin kepegawaian.");

        StoredFile? stored = null;
        if (document is not null)
        {
            stored = await files.SaveAsync(document.Content, document.FileName, DocumentKinds, ct);
        }
        var request = new AttendanceRequest
        {
            EmployeeId = me,
            Kind = input.Kind,
            From = from,
            To = to,
            Reason = input.Reason.Trim(),
            DocumentKey = stored?.StorageKey,
            DocumentName = stored?.OriginalName,
            DocumentContentType = stored?.ContentType,
            Status = RequestStatus.Diajukan,
            ApproverEmployeeId = approver,
            CreatedUtc = clock.UtcNow,
        };
        db.AttendanceRequests.Add(request);
        audit.Add(db, "attendance.request.created", request.Id.ToString(), $"{request.Kind} {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        var submitted = await RequestNotices.SubmittedAsync(db, request, ct);
        Outbox.Stage(db, submitted);
        await db.SaveChangesAsync(ct);

        await notifier.PublishAsync(submitted, ct);
        return request.Id;
    }

    public Dictionary<string, string> Validate(RequestInput input, RequestDocument? document)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(input.Kind))
        {
            errors[nameof(input.Kind)] = "Jenis permohonan tidak sah.";
        }
        if (input.From is not DateOnly from || input.To is not DateOnly to)
        {
            errors[nameof(input.From)] = "Tanggal mulai dan selesai wajib diisi.";
            return errors;
        }
        if (to < from)
        {
            errors[nameof(input.To)] = "Tanggal selesai tidak boleh sebelum tanggal mulai.";
        }
        else if (to.DayNumber - from.DayNumber + 1 > MaxLengthDays)
        {
            errors[nameof(input.To)] = $"Satu permohonan paling lama {MaxLengthDays} hari.";
        }
        if (from < clock.Today.AddDays(-MaxDaysBack))
        {
            errors[nameof(input.From)] = $"Permohonan paling jauh {MaxDaysBack} hari ke belakang.";
        }
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is < 5 or > 1000)
        {
            errors[nameof(input.Reason)] = "Alasan wajib diisi (5–1000 karakter).";
        }
        if (document is null && input.Kind != RequestKind.I)
        {
            errors["Document"] = input.Kind switch
            {
                RequestKind.DL => "Lampirkan surat tugas (PDF/JPG/PNG).",
                RequestKind.S => "Lampirkan surat keterangan sakit (PDF/JPG/PNG).",
                _ => "Lampirkan formulir cuti yang sudah ditandatangani (PDF/JPG/PNG).",
            };
        }
        return errors;
    }

    public async Task<IReadOnlyList<RequestRow>> ListMineAsync(CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, db.AttendanceRequests.Where(r => r.EmployeeId == me)).ToListAsync(ct);
    }

    /// <summary>Requests the caller is to decide (pending first), and the ones they decided recently.</summary>
    public async Task<IReadOnlyList<RequestRow>> ListToDecideAsync(CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = clock.UtcNow.AddDays(-60);
        return await Rows(db, db.AttendanceRequests.Where(r => r.ApproverEmployeeId == me
                && (r.Status == RequestStatus.Diajukan || r.DecidedUtc >= since)))
            .ToListAsync(ct);
    }

    public async Task DecideAsync(Guid id, bool approve, string? note, Guid version, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.AttendanceRequests.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Permohonan tidak ditemukan.");
        if (request.EmployeeId == me)
        {
            throw new ForbiddenException("Anda tidak dapat memutuskan permohonan Anda sendiri; permohonan diputuskan oleh atasan langsung.");
        }
        if (request.ApproverEmployeeId != me)
        {
            throw new ForbiddenException("Permohonan ini diputuskan oleh atasan langsung pemohon, bukan oleh Anda.");
        }
        if (request.Version != version)
        {
            throw new ConcurrencyException();
        }
        if (request.Status != RequestStatus.Diajukan)
        {
            throw new ValidationException($"Permohonan ini sudah {request.Status.ToString().ToLowerInvariant()}.");
        }
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw new ValidationException("Tuliskan alasan penolakan.", new Dictionary<string, string> { ["Note"] = "Alasan penolakan wajib diisi." });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        request.Status = approve ? RequestStatus.Disetujui : RequestStatus.Ditolak;
        request.DecidedByEmployeeId = me;
        request.DecidedUtc = clock.UtcNow;
        request.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        request.Version = Guid.NewGuid();
        audit.Add(db, approve ? "attendance.request.approved" : "attendance.request.rejected", request.Id.ToString(),
            $"{request.Kind} {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd} pegawai #{request.EmployeeId}");
        var decided = new RequestDecidedEvent(request.Id, request.Kind, approve, request.From, request.To, currentUser.DisplayName)
        {
            AtUtc = request.DecidedUtc.Value,
            RecipientEmployeeIds = [request.EmployeeId],
            // The requester's unit: without one the event counted as regency-wide and reached every OPD's board.
            UnitId = await db.Employees.Where(e => e.Id == request.EmployeeId).Select(e => (int?)e.UnitId).FirstOrDefaultAsync(ct),
        };
        Outbox.Stage(db, decided);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException();
        }

        if (approve)
        {
            await RewriteClosedDaysAsync(db, request, ct);
        }
        await transaction.CommitAsync(ct);

        await notifier.PublishAsync(decided, ct);
    }

    /// <summary>The requester withdraws a request that is still waiting.</summary>
    public async Task CancelAsync(Guid id, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.AttendanceRequests.FirstOrDefaultAsync(r => r.Id == id && r.EmployeeId == me, ct)
            ?? throw new NotFoundException("Permohonan tidak ditemukan.");
        if (request.Status != RequestStatus.Diajukan)
        {
            throw new ValidationException("Hanya permohonan yang masih menunggu keputusan yang dapat dibatalkan.");
        }
        request.Status = RequestStatus.Dibatalkan;
        request.Version = Guid.NewGuid();
        audit.Add(db, "attendance.request.cancelled", request.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The request's document, for the requester, the approver, a leader over the requester's unit, or an admin.</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenDocumentAsync(Guid id, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.AttendanceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException();
        var allowed = request.EmployeeId == me || request.ApproverEmployeeId == me || currentUser.IsAdmin;
        if (!allowed && currentUser.IsInRole(Roles.Pimpinan))
        {
            var tree = await OrganizationService.LoadTreeAsync(db, ct);
            var myUnit = await db.Employees.Where(e => e.Id == me).Select(e => e.UnitId).FirstAsync(ct);
            var theirUnit = await db.Employees.Where(e => e.Id == request.EmployeeId).Select(e => e.UnitId).FirstAsync(ct);
            allowed = tree.IsWithin(theirUnit, myUnit);
        }
        if (!allowed || request.DocumentKey is null)
        {
            throw new NotFoundException("Dokumen tidak ditemukan.");
        }
        await audit.WriteAsync("attendance.request.document.read", request.Id.ToString());
        return (files.OpenRead(request.DocumentKey), request.DocumentContentType ?? "application/octet-stream", request.DocumentName ?? "dokumen");
    }

    /// <summary>The nearest superior up the chain who can sign in to the portal.</summary>
    internal static async Task<int?> ApproverOfAsync(PortalDbContext db, int employeeId, CancellationToken ct)
    {
        var superiors = await db.Employees.AsNoTracking().Where(e => e.SuperiorId != null).ToDictionaryAsync(e => e.Id, e => e.SuperiorId!.Value, ct);
        var withAccount = (await db.Users.AsNoTracking().Where(u => u.EmployeeId != null).Select(u => u.EmployeeId!.Value).ToListAsync(ct)).ToHashSet();
        return ApproverOf(employeeId, superiors, withAccount);
    }

    internal static int? ApproverOf(int employeeId, IReadOnlyDictionary<int, int> superiorOf, IReadOnlySet<int> withAccount)
    {
        var seen = new HashSet<int> { employeeId };
        for (var current = employeeId; superiorOf.TryGetValue(current, out var superior) && seen.Add(superior); current = superior)
        {
            if (withAccount.Contains(superior))
            {
                return superior;
            }
        }
        return null;
    }

    private async Task RewriteClosedDaysAsync(PortalDbContext db, AttendanceRequest request, CancellationToken ct)
    {
        var book = await engine.LoadBookAsync(db, request.From, request.To, ct);
        if (book.LastClosedDay is not DateOnly closed || request.From > closed)
        {
            return;
        }
        var member = await AttendanceEngine.StaffMemberAsync(db, request.EmployeeId, ct);
        if (member is null)
        {
            return;
        }
        await engine.StoreClosedAsync(db, book, [member], request.From, request.To < closed ? request.To : closed, ct);
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<RequestRow> Rows(PortalDbContext db, IQueryable<AttendanceRequest> requests) =>
        requests.OrderBy(r => r.Status == RequestStatus.Diajukan ? 0 : 1).ThenByDescending(r => r.From)
            .Select(r => new RequestRow(r.Id, r.EmployeeId,
                db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.Name).First(),
                db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.Nip).First(),
                r.Kind, r.From, r.To, r.Reason, r.Status,
                db.Employees.Where(e => e.Id == r.ApproverEmployeeId).Select(e => e.Name).FirstOrDefault(),
                r.DecisionNote, r.CreatedUtc, r.DecidedUtc, r.DocumentKey != null, r.Version));
}
