using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization.Acting;

/// <summary>
/// Appoints a Plh or Plt for a post over a range of days. An admin appoints for any post; the official himself may
/// appoint a Plh for his own post (a Plt fills a vacancy, which he cannot declare). Checked under the write lock, so
/// two overlapping appointments saved at once cannot both land; nothing is saved when a rule refuses.
/// </summary>
public sealed class AppointActing(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, OfficeClock clock, AuditLog audit, Announcer announcer,
    ActingBasis basis)
{
    public async Task<int> HandleAsync(ActingInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        if (!currentUser.IsAdmin && (currentUser.EmployeeId != input.ReplacedEmployeeId || input.Kind != ActingKind.Plh))
        {
            throw new ForbiddenException("Pejabat hanya dapat menunjuk Plh untuk jabatannya sendiri; penunjukan lain dilakukan oleh admin.");
        }
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A surat perintah signed in the portal gives its own number and date: they cannot disagree with the letter.
        var cited = input.SignedLetterId is Guid letterId ? await basis.RequireAsync(db, letterId, ct) : null;
        if (cited is not null)
        {
            (input.LetterNumber, input.LetterDate) = (cited.Number, cited.LetterDate);
        }
        var errors = input.Check(today);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }
        var (from, to) = (input.From!.Value, input.To!.Value);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var people = await db.Employees.AsNoTracking().Where(e => e.Id == input.ReplacedEmployeeId || e.Id == input.ActingEmployeeId)
            .Select(e => new { e.Id, e.Name, e.Position, e.UnitId, e.IsActive }).ToDictionaryAsync(e => e.Id, ct);
        if (!people.TryGetValue(input.ReplacedEmployeeId, out var replaced) || !replaced.IsActive)
        {
            throw new ValidationException("Pejabat yang digantikan tidak ditemukan atau tidak aktif.",
                new Dictionary<string, string> { [nameof(input.ReplacedEmployeeId)] = "Pejabat tidak ditemukan." });
        }
        if (!people.TryGetValue(input.ActingEmployeeId, out var acting) || !acting.IsActive
            || !await db.Users.AnyAsync(u => u.EmployeeId == acting.Id && u.IsActive, ct))
        {
            throw new ValidationException("Pegawai yang ditunjuk tidak ditemukan, tidak aktif, atau belum memiliki akun portal.",
                new Dictionary<string, string> { [nameof(input.ActingEmployeeId)] = "Pilih pegawai aktif yang memiliki akun portal." });
        }
        var existing = await db.ActingAppointments.AsNoTracking()
            .Where(a => a.CancelledAtUtc == null && (a.ReplacedEmployeeId == replaced.Id || a.ReplacedEmployeeId == acting.Id) && a.From <= to && a.To >= from)
            .Select(PostHolders.Span).ToListAsync(ct);
        var absences = (await db.AttendanceRequests.AsNoTracking()
                .Where(r => r.EmployeeId == acting.Id && r.Status == RequestStatus.Disetujui && r.From <= to && r.To >= from)
                .Select(r => new { r.Kind, r.From, r.To }).ToListAsync(ct))
            .Select(r => new AbsenceSpan(r.Kind.Label().ToLowerInvariant(), r.From, r.To));
        errors = ActingRules.Check(replaced.Id, acting.Id, from, to, today, existing, absences, acting.Name);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }

        var appointment = new ActingAppointment
        {
            UnitId = replaced.UnitId,
            ReplacedEmployeeId = replaced.Id,
            PostTitle = replaced.Position,
            ActingEmployeeId = acting.Id,
            Kind = input.Kind,
            From = from,
            To = to,
            LetterNumber = input.LetterNumber.Trim(),
            LetterDate = input.LetterDate!.Value,
            SignedLetterId = cited?.Id,
            CreatedBy = currentUser.UserName,
            CreatedAtUtc = clock.UtcNow,
        };
        db.ActingAppointments.Add(appointment);
        audit.Add(db, "acting.appointed", appointment.LetterNumber,
            $"{acting.Name} sebagai {appointment.Capacity}, {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        await announcer.SaveAndAnnounceAsync(db, transaction, [new ActingAppointedEvent(appointment.Capacity, acting.Name, from, to)
        {
            AtUtc = appointment.CreatedAtUtc, RecipientEmployeeIds = [acting.Id, replaced.Id],
        }], ct);
        return appointment.Id;
    }
}
