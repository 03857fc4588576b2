using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization.Acting;

public enum ActingPhase
{
    Berlaku = 0,
    Akan = 1,
    Selesai = 2,
    Dibatalkan = 3,
}

public sealed record ActingRow(
    int Id, ActingKind Kind, string Capacity, int ReplacedEmployeeId, string ReplacedName, int ActingEmployeeId, string ActingName, string? ActingNip,
    DateOnly From, DateOnly To, string LetterNumber, DateOnly LetterDate, string CreatedBy, DateTime? CancelledAtUtc, ActingPhase Phase, Guid Version,
    string? BasisCode = null);

public sealed record ActingPerson(int Id, string Name, string Position, string? Nip);

/// <summary>What the form offers and what the page lists.</summary>
public sealed record ActingOverview(IReadOnlyList<ActingRow> Rows, IReadOnlyList<ActingPerson> Officials, IReadOnlyList<ActingPerson> Candidates, DateOnly Today);

/// <summary>
/// Appointments as the Plh/Plt page shows them: an admin sees all; a leader those of his own post and those in which
/// he acts, and may appoint only for his own post.
/// </summary>
public sealed class ActingQueries(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, OfficeClock clock)
{
    public async Task<ActingOverview> LoadAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin, Roles.Pimpinan);
        var admin = currentUser.IsAdmin;
        var me = currentUser.EmployeeId ?? 0;
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appointments = db.ActingAppointments.AsNoTracking()
            .Where(a => admin || a.ReplacedEmployeeId == me || a.ActingEmployeeId == me);
        var rows = await (from a in appointments
                          join r in db.Employees on a.ReplacedEmployeeId equals r.Id
                          join p in db.Employees on a.ActingEmployeeId equals p.Id
                          orderby a.From descending, a.Id descending
                          select new
                          {
                              a, ReplacedName = r.Name, ActingName = p.Name, ActingNip = p.Nip,
                              BasisCode = db.Set<ElectronicLetters.SignedLetter>().Where(l => l.Id == a.SignedLetterId).Select(l => l.VerificationCode).FirstOrDefault(),
                          })
            .Take(500).ToListAsync(ct);
        var list = rows.Select(x => new ActingRow(x.a.Id, x.a.Kind, x.a.Capacity, x.a.ReplacedEmployeeId, x.ReplacedName, x.a.ActingEmployeeId,
                x.ActingName, x.ActingNip, x.a.From, x.a.To, x.a.LetterNumber, x.a.LetterDate, x.a.CreatedBy, x.a.CancelledAtUtc,
                PhaseOf(x.a.From, x.a.To, x.a.CancelledAtUtc, today), x.a.Version, x.BasisCode))
            .OrderBy(r => r.Phase).ThenBy(r => r.Phase == ActingPhase.Selesai ? -r.To.DayNumber : r.From.DayNumber).ToList();

        var leaders = from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join role in db.Roles on ur.RoleId equals role.Id
                      where role.Name == Roles.Pimpinan && u.EmployeeId != null && u.IsActive
                      select u.EmployeeId!.Value;
        var officials = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && (admin ? leaders.Contains(e.Id) : e.Id == me))
            .OrderBy(e => e.Name).Select(e => new ActingPerson(e.Id, e.Name, e.Position, e.Nip)).ToListAsync(ct);
        var withAccount = db.Users.Where(u => u.IsActive && u.EmployeeId != null).Select(u => u.EmployeeId!.Value);
        var candidates = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && withAccount.Contains(e.Id))
            .OrderBy(e => e.Name).Select(e => new ActingPerson(e.Id, e.Name, e.Position, e.Nip)).ToListAsync(ct);
        return new ActingOverview(list, officials, candidates, today);
    }

    /// <summary>The posts the caller acts for today (for the switch above every page); empty for nearly everyone.</summary>
    public async Task<IReadOnlyList<ActingSpan>> MyPostsTodayAsync(PostHolders postHolders, CancellationToken ct = default)
    {
        if (currentUser.EmployeeId is not int me)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await postHolders.PostsActedByAsync(db, me, ct: ct);
    }

    public static ActingPhase PhaseOf(DateOnly from, DateOnly to, DateTime? cancelledAtUtc, DateOnly today) =>
        cancelledAtUtc is not null ? ActingPhase.Dibatalkan
        : to < today ? ActingPhase.Selesai
        : from > today ? ActingPhase.Akan
        : ActingPhase.Berlaku;
}
