using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Attendance.Leave.Pdf;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Leave;

public sealed record LeaveFormPerson(string Name, string? Nip, string Position);

/// <summary>The leave form of the annex of Peraturan BKN 24/2017, filled from the request and its two decisions.</summary>
public sealed record LeaveForm(
    Guid Id, LeaveFormPerson Employee, string UnitName, string EmploymentType, DateOnly? ServiceStart, LeaveKind Kind, string Reason,
    DateOnly From, DateOnly To, int WorkingDays, AnnualBalance Balance, string? Address, string? Phone,
    LeaveFormPerson? Superior, LeaveConsideration? Consideration, string? ConsiderationNote, string? ConsideredAs,
    LeaveFormPerson? Grantor, LeaveConsideration? Decision, string? DecisionNote, string? DecidedAs, DateTime CreatedUtc);

/// <summary>The filled form as a PDF, with the name it downloads under.</summary>
public sealed record LeaveFormFile(byte[] Content, string FileName);

/// <summary>
/// Reads a cuti for its printed form, as a print page or as a PDF. Only the requester, his superior, the grantor (or who
/// decided in their stead) and an admin may; anyone else gets 403 and nothing. The PDF is audited.
/// </summary>
public sealed class PrintLeaveForm(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, LeaveBalances balances, AuditLog audit, OfficeClock clock)
{
    public static string PdfLink(Guid id) => $"/absensi/permohonan/{id}/formulir-cuti.pdf";

    public async Task<LeaveFormFile> PdfAsync(Guid id, CancellationToken ct = default)
    {
        var form = await FormAsync(id, ct);
        var pdf = new LeaveFormPdf().Render(form, DateOnly.FromDateTime(clock.ToLocal(form.CreatedUtc)));
        await audit.WriteAsync("attendance.leave.form-printed", id.ToString(), $"{form.Kind} {form.From:yyyy-MM-dd}..{form.To:yyyy-MM-dd}");
        var who = form.Employee.Nip ?? form.Employee.Name.Replace(' ', '-');
        return new LeaveFormFile(pdf, $"formulir-cuti-{who}-{form.From:yyyyMMdd}.pdf");
    }

    public async Task<LeaveForm> FormAsync(Guid id, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.AttendanceRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.LeaveKind != null, ct)
            ?? throw new NotFoundException("Permohonan cuti tidak ditemukan.");
        int?[] parties = [r.EmployeeId, r.ApproverEmployeeId, r.GrantorEmployeeId, r.ConsideredByEmployeeId, r.DecidedByEmployeeId];
        if (!parties.Contains(me) && !currentUser.IsAdmin)
        {
            throw new ForbiddenException("Formulir cuti ini hanya untuk pemohon, atasan langsung, dan pejabat yang berwenang.");
        }
        var ids = parties.OfType<int>().Distinct().ToList();
        var people = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Nip, e.Position, e.Phone, e.EmploymentType, UnitName = e.Unit!.Name }).ToDictionaryAsync(e => e.Id, ct);
        LeaveFormPerson? Person(int? pid) => pid is int p && people.TryGetValue(p, out var e) ? new LeaveFormPerson(e.Name, e.Nip, e.Position) : null;
        var employee = people[r.EmployeeId];
        var view = await balances.ComputeAsync(db, r.EmployeeId, r.From.Year, ct);
        var unitId = await db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.UnitId).FirstAsync(ct);
        var workingDays = await balances.WorkingDaysAsync(db, unitId, r.From, r.To, ct);
        return new LeaveForm(r.Id, Person(r.EmployeeId)!, employee.UnitName, employee.EmploymentType.Label(), view.ServiceStart, r.LeaveKind!.Value, r.Reason,
            r.From, r.To, workingDays, view.Balance, r.LeaveAddress, employee.Phone,
            Person(r.ConsideredByEmployeeId ?? r.ApproverEmployeeId), r.Consideration, r.ConsiderationNote, r.ConsideredAs,
            Person(r.DecidedByEmployeeId ?? r.GrantorEmployeeId), r.GrantDecision, r.DecisionNote, r.DecidedAs, r.CreatedUtc);
    }
}
