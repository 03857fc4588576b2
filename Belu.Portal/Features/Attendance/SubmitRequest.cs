using System.ComponentModel.DataAnnotations;
using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Notifications;
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

    /// <summary>The kind of cuti, for kind C (docs/domain/leave.md).</summary>
    public Leave.Domain.LeaveKind LeaveKind { get; set; } = Leave.Domain.LeaveKind.Tahunan;

    [StringLength(300, ErrorMessage = "Alamat paling panjang 300 karakter.")]
    public string? LeaveAddress { get; set; }
}

/// <summary>A document sent with a request (surat tugas, surat dokter, formulir cuti).</summary>
public sealed record RequestDocument(Stream Content, string FileName);

/// <summary>
/// An employee asks for DL, C, S or I for themself, with a document where the kind needs one. The direct superior
/// (or, when that superior has no portal account, the next one up who has) is to decide, and is told.
/// </summary>
public sealed class SubmitRequest(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    FileStore files,
    AuditLog audit,
    Announcer announcer,
    OfficeClock clock,
    Leave.LeaveRequestCheck leaveCheck,
    Microsoft.Extensions.Options.IOptions<Leave.LeaveOptions> leaveOptions)
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
        int? grantor = null;
        if (input.Kind == RequestKind.C)
        {
            var leaveErrors = await leaveCheck.CheckAsync(db, me, input.LeaveKind, from, to, document is not null, ct);
            if (leaveErrors.Count > 0)
            {
                throw new ValidationException(leaveErrors.Values.First(), leaveErrors);
            }
            grantor = await Leave.LeaveGrantor.OfAsync(db, me, leaveOptions.Value, ct)
                ?? throw new ValidationException("Pejabat yang berwenang memberikan cuti belum tercatat atau belum memiliki akun portal. Hubungi admin kepegawaian.");
        }

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
            LeaveKind = input.Kind == RequestKind.C ? input.LeaveKind : null,
            LeaveAddress = input.Kind == RequestKind.C && !string.IsNullOrWhiteSpace(input.LeaveAddress) ? input.LeaveAddress.Trim() : null,
            GrantorEmployeeId = grantor,
            CreatedUtc = clock.UtcNow,
        };
        db.AttendanceRequests.Add(request);
        audit.Add(db, "attendance.request.created", request.Id.ToString(), $"{request.Kind} {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        var submitted = await RequestNotices.SubmittedAsync(db, request, ct);
        await announcer.SaveAndAnnounceAsync(db, null, [submitted], ct);
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
        if ((input.LeaveAddress?.Trim().Length ?? 0) > 300)
        {
            errors[nameof(input.LeaveAddress)] = "Alamat selama cuti paling panjang 300 karakter.";
        }
        // A cuti's document depends on its kind and length (docs/domain/leave.md): checked with the leave rules.
        if (document is null && input.Kind is RequestKind.DL or RequestKind.S)
        {
            errors["Document"] = input.Kind switch
            {
                RequestKind.DL => "Lampirkan surat tugas (PDF/JPG/PNG).",
                _ => "Lampirkan surat keterangan sakit (PDF/JPG/PNG).",
            };
        }
        return errors;
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
}
