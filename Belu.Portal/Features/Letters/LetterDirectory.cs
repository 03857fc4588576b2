using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Organization.Acting;
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
    private readonly LetterDirectories.Snapshot _organization;

    private LetterDirectory(UnitTree tree, LetterDirectories.Snapshot organization, LetterViewer viewer, int actorId, ActingSpan? acting)
    {
        Tree = tree;
        _organization = organization;
        Viewer = viewer;
        ActorId = actorId;
        Acting = acting;
    }

    public sealed record PersonRow(int Id, string Name, string Position, int UnitId, int? SuperiorId, bool IsActive);

    public UnitTree Tree { get; }

    /// <summary>Everyone, active or not, by id. Shared between callers: read only.</summary>
    public IReadOnlyDictionary<int, PersonRow> People => _organization.People;

    /// <summary>Employees whose account holds the Pimpinan role.</summary>
    public IReadOnlySet<int> Leaders => _organization.Leaders;

    public LetterViewer Viewer { get; }

    /// <summary>Whose letters, dispositions and lists the caller works on: himself, or the post he acts for as Plh/Plt.</summary>
    public int Me => Viewer.EmployeeId;

    public PersonRow MeRow => People[Me];

    /// <summary>The person at the keyboard: <see cref="Me"/>, unless he acts for a post.</summary>
    public int ActorId { get; }

    /// <summary>The appointment the caller acts under now, or null when he acts as himself.</summary>
    public ActingSpan? Acting { get; }

    /// <summary>The name the track and notices give the one who acted: "Nama, Plh. Kepala Dinas …" while acting.</summary>
    public string ActorLabel => Acting is { } a ? $"{NameOf(ActorId)}, {a.Capacity}" : MeRow.Name;

    /// <summary>" sebagai Plh. Kepala Dinas …" for audit lines written while acting, otherwise empty.</summary>
    public string ActingSuffix => Acting is { } a ? $" (oleh {NameOf(ActorId)} sebagai {a.Capacity})" : "";

    /// <summary>
    /// The caller's place in the kept tree and people. <paramref name="posts"/> are the posts he acts for today; when
    /// the circuit chose one of them (<see cref="CurrentUser.ActingAs"/>) he works as its official, and he reads the
    /// letters of the others and his own throughout.
    /// </summary>
    internal static LetterDirectory For(UnitTree tree, LetterDirectories.Snapshot organization, CurrentUser user, int me, IReadOnlyList<ActingSpan> posts)
    {
        if (!organization.People.TryGetValue(me, out var self))
        {
            throw new ForbiddenException("Akun ini tidak terhubung dengan data pegawai.");
        }
        var led = user.IsInRole(Roles.Pimpinan) ? tree.SubtreeOf(self.UnitId) : [];
        int? agendaUnit = user.IsInRole(Roles.Agendaris) ? tree.OpdOf(self.UnitId)?.Id : null;
        if (posts.Count == 0)
        {
            return new LetterDirectory(tree, organization, new LetterViewer(me, led, agendaUnit), me, null);
        }
        var acting = posts.FirstOrDefault(p => p.ReplacedEmployeeId == user.ActingAs && organization.People.ContainsKey(p.ReplacedEmployeeId));
        var also = posts.Select(p => p.ReplacedEmployeeId).Append(me).ToHashSet();
        foreach (var post in posts)
        {
            // He leads the post's units while he holds it, as its official does.
            if (organization.People.TryGetValue(post.ReplacedEmployeeId, out var head))
            {
                led.UnionWith(tree.SubtreeOf(head.UnitId));
            }
        }
        var working = acting?.ReplacedEmployeeId ?? me;
        also.Remove(working);
        return new LetterDirectory(tree, organization, new LetterViewer(working, led, agendaUnit, also), me, acting);
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
        LetterAccessRules.IsSubordinate(candidateId, leaderId, _organization.Superiors);

    /// <summary>Everyone below <paramref name="leaderId"/> in the chain of superiors, active only.</summary>
    public List<PersonRow> SubordinatesOf(int leaderId) => People.Values
        .Where(p => p.IsActive && p.Id != leaderId && LetterAccessRules.IsSubordinate(p.Id, leaderId, _organization.Superiors)).ToList();

    /// <summary>The register (OPD or kecamatan) a clerk works for.</summary>
    public int RequireAgendaUnit() =>
        Viewer.AgendaUnitId ?? throw new ForbiddenException("Hanya agendaris yang dapat meregistrasi surat.");
}

/// <summary>
/// The organisation E-Surat names people from and checks access with. The unit tree is the portal's one kept tree
/// (<see cref="OrganizationTreeCache"/>); the people and who holds the Pimpinan role are kept here between calls:
/// every list, letter and export needs them, and at the size of a regency (5,000 employees) loading them took longer
/// than the list's own query. A save touching units, employees, accounts or roles in this process
/// (<see cref="ReferenceChanges.Organization"/>) makes the next call load them again; edits made by another instance
/// are seen after at most <see cref="Lifetime"/>. Inside a transaction they are read from that transaction and not kept.
/// </summary>
public sealed class LetterDirectories(OrganizationTreeCache trees, PostHolders postHolders)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private Snapshot? _kept;

    internal sealed record Snapshot(
        Dictionary<int, LetterDirectory.PersonRow> People,
        HashSet<int> Leaders,
        Dictionary<int, int?> Superiors,
        long Version,
        long LoadedAtMs);

    internal async Task<LetterDirectory> LoadAsync(PortalDbContext db, CurrentUser user, CancellationToken ct)
    {
        // Who may use E-Surat at all is decided before the organisation is read.
        var me = user.RequireEmployeeId();
        if (!user.IsInRole(Roles.Pegawai) && !user.IsInRole(Roles.Pimpinan) && !user.IsInRole(Roles.Agendaris) && !user.IsAdmin)
        {
            throw new ForbiddenException();
        }
        var tree = await trees.GetAsync(db, ct);
        var posts = await postHolders.PostsActedByAsync(db, me, ct: ct);
        return LetterDirectory.For(tree, await SnapshotAsync(db, ct), user, me, posts);
    }

    private async Task<Snapshot> SnapshotAsync(PortalDbContext db, CancellationToken ct)
    {
        var version = ReferenceChanges.Organization.Version;
        var inTransaction = db.Database.CurrentTransaction is not null;
        if (!inTransaction && _kept is { } kept && kept.Version == version
            && Environment.TickCount64 - kept.LoadedAtMs < Lifetime.TotalMilliseconds)
        {
            return kept;
        }
        var people = await db.Employees.AsNoTracking()
            .Select(e => new LetterDirectory.PersonRow(e.Id, e.Name, e.Position, e.UnitId, e.SuperiorId, e.IsActive))
            .ToDictionaryAsync(e => e.Id, ct);
        var leaders = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where r.Name == Roles.Pimpinan && u.EmployeeId != null && u.IsActive
                             select u.EmployeeId!.Value).ToListAsync(ct);
        var loaded = new Snapshot(people, [.. leaders], people.ToDictionary(p => p.Key, p => p.Value.SuperiorId),
            version, Environment.TickCount64);
        if (!inTransaction)
        {
            _kept = loaded;
        }
        return loaded;
    }
}
