using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

/// <summary>A person as E-Surat shows them.</summary>
public sealed record PersonRef(int Id, string Name, string Position, int UnitId);

/// <summary>
/// The organisation facts one E-Surat operation needs, loaded once: the unit tree, the people, the caller's place
/// in them (<see cref="LetterViewer"/>) and who holds the Pimpinan role.
/// </summary>
internal sealed class LetterDirectory
{
    private LetterDirectory(UnitTree tree, Dictionary<int, PersonRow> people, HashSet<int> leaders, LetterViewer viewer)
    {
        Tree = tree;
        People = people;
        Leaders = leaders;
        Viewer = viewer;
    }

    public sealed record PersonRow(int Id, string Name, string Position, int UnitId, int? SuperiorId, bool IsActive);

    public UnitTree Tree { get; }

    public Dictionary<int, PersonRow> People { get; }

    /// <summary>Employees whose account holds the Pimpinan role.</summary>
    public HashSet<int> Leaders { get; }

    public LetterViewer Viewer { get; }

    public int Me => Viewer.EmployeeId;

    public PersonRow MeRow => People[Me];

    public static async Task<LetterDirectory> LoadAsync(PortalDbContext db, CurrentUser user, CancellationToken ct)
    {
        var me = user.RequireEmployeeId();
        if (!user.IsInRole(Roles.Pegawai) && !user.IsInRole(Roles.Pimpinan) && !user.IsInRole(Roles.Agendaris) && !user.IsAdmin)
        {
            throw new ForbiddenException();
        }
        var tree = await OrganizationService.LoadTreeAsync(db, ct);
        var people = await db.Employees.AsNoTracking()
            .Select(e => new PersonRow(e.Id, e.Name, e.Position, e.UnitId, e.SuperiorId, e.IsActive))
            .ToDictionaryAsync(e => e.Id, ct);
        var leaders = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where r.Name == Roles.Pimpinan && u.EmployeeId != null && u.IsActive
                             select u.EmployeeId!.Value).ToListAsync(ct);
        if (!people.TryGetValue(me, out var self))
        {
            throw new ForbiddenException("Akun ini tidak terhubung dengan data pegawai.");
        }
        var led = user.IsInRole(Roles.Pimpinan) ? tree.SubtreeOf(self.UnitId) : [];
        int? agendaUnit = user.IsInRole(Roles.Agendaris) ? tree.OpdOf(self.UnitId)?.Id : null;
        return new LetterDirectory(tree, people, [.. leaders], new LetterViewer(me, led, agendaUnit));
    }

    public PersonRef Ref(int id) => People.TryGetValue(id, out var p)
        ? new PersonRef(p.Id, p.Name, p.Position, p.UnitId)
        : new PersonRef(id, "(pegawai tidak dikenal)", "", 0);

    public string NameOf(int id) => People.TryGetValue(id, out var p) ? p.Name : "(pegawai tidak dikenal)";

    public string UnitName(int unitId) => Tree.Contains(unitId) ? Tree[unitId].Name : "";

    /// <summary>The head of a unit: its active member whose superior sits outside it.</summary>
    public PersonRow? HeadOf(int unitId) => People.Values
        .Where(p => p.IsActive && p.UnitId == unitId
            && (p.SuperiorId is not int s || !People.TryGetValue(s, out var sup) || sup.UnitId != unitId))
        .OrderBy(p => p.Id)
        .FirstOrDefault();

    public bool IsSubordinateOf(int candidateId, int leaderId) =>
        LetterAccessRules.IsSubordinate(candidateId, leaderId, People.ToDictionary(p => p.Key, p => p.Value.SuperiorId));

    /// <summary>Everyone below <paramref name="leaderId"/> in the chain of superiors, active only.</summary>
    public List<PersonRow> SubordinatesOf(int leaderId)
    {
        var superiors = People.ToDictionary(p => p.Key, p => p.Value.SuperiorId);
        return People.Values.Where(p => p.IsActive && p.Id != leaderId && LetterAccessRules.IsSubordinate(p.Id, leaderId, superiors)).ToList();
    }

    /// <summary>The register (OPD or kecamatan) a clerk works for.</summary>
    public int RequireAgendaUnit() =>
        Viewer.AgendaUnitId ?? throw new ForbiddenException("Hanya agendaris yang dapat meregistrasi surat.");
}
