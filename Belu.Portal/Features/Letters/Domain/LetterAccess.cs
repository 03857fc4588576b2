namespace Belu.Portal.Features.Letters.Domain;

/// <summary>Who is looking: the employee, the units they lead (Pimpinan) and the unit whose agenda they keep (Agendaris).</summary>
public sealed record LetterViewer(int EmployeeId, IReadOnlySet<int> LedUnits, int? AgendaUnitId, IReadOnlySet<int>? AlsoActsFor = null)
{
    /// <summary>
    /// Is <paramref name="employeeId"/> the viewer, or a person whose post he holds today (an acting official's
    /// definitive official, or himself while he acts as Plh/Plt; docs/domain/acting.md)? Such letters he reads.
    /// </summary>
    public bool Is(int employeeId) => employeeId == EmployeeId || (AlsoActsFor?.Contains(employeeId) ?? false);
}

/// <summary>One disposition edge as the access rules see it.</summary>
public readonly record struct DispositionEdge(int FromEmployeeId, int ToEmployeeId, int ToUnitId, DispositionStatus Status);

/// <summary>The facts of a letter that decide who may read it.</summary>
public sealed record LetterAccessFacts(
    int UnitId,
    SecurityClass Security,
    int AddresseeId,
    IReadOnlyCollection<DispositionEdge> Dispositions,
    IReadOnlyCollection<int> CopyHolderIds);

/// <summary>How a viewer stands to a letter.</summary>
public enum LetterRelation
{
    /// <summary>May not know the letter exists.</summary>
    None = 0,

    /// <summary>The registering unit's clerk: reads the register entry, prints the receipt and the sheet.</summary>
    Registry = 1,

    /// <summary>A leader of a unit the letter belongs to or was disposed into: reads, does not act.</summary>
    Oversight = 2,

    /// <summary>A tembusan holder: reads, never acts.</summary>
    Copy = 3,

    /// <summary>The addressee or someone in the disposition tree: reads and acts on their own part.</summary>
    Participant = 4,
}

/// <summary>
/// The scope rules of E-Surat (docs/domain/roles.md, docs/domain/letters.md "Who sees a letter"): leaders see their units' letters; a Rahasia or Sangat Rahasia letter
/// only its addressees (the addressee and the tembusan holders) and the people in its disposition tree; nobody sees
/// another unit's letters. The service enforces the same rules in its queries.
/// </summary>
public static class LetterAccessRules
{
    public static LetterRelation RelationOf(LetterViewer viewer, LetterAccessFacts letter)
    {
        if (viewer.Is(letter.AddresseeId)
            || letter.Dispositions.Any(d => d.Status != DispositionStatus.Dibatalkan && (viewer.Is(d.FromEmployeeId) || viewer.Is(d.ToEmployeeId))))
        {
            return LetterRelation.Participant;
        }
        if (letter.CopyHolderIds.Any(viewer.Is))
        {
            return LetterRelation.Copy;
        }
        if (letter.Security.IsSecret())
        {
            return LetterRelation.None;
        }
        if (viewer.LedUnits.Contains(letter.UnitId)
            || letter.Dispositions.Any(d => d.Status != DispositionStatus.Dibatalkan && viewer.LedUnits.Contains(d.ToUnitId)))
        {
            return LetterRelation.Oversight;
        }
        return viewer.AgendaUnitId == letter.UnitId ? LetterRelation.Registry : LetterRelation.None;
    }

    /// <summary>Is <paramref name="candidateId"/> below <paramref name="leaderId"/> in the chain of superiors?</summary>
    public static bool IsSubordinate(int candidateId, int leaderId, IReadOnlyDictionary<int, int?> superiorOf)
    {
        var seen = new HashSet<int>();
        for (var current = superiorOf.GetValueOrDefault(candidateId); current is int c && seen.Add(c); current = superiorOf.GetValueOrDefault(c))
        {
            if (c == leaderId)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>What a stored grant names: a person, the letter's own unit, or a unit a disposition went into.</summary>
public enum GrantKind
{
    /// <summary>The addressee, a party to a live disposition, or a tembusan holder: sees the letter whatever its class.</summary>
    Person = 0,

    /// <summary>The registering unit (its leaders and its agendaris), for letters that are not secret.</summary>
    Unit = 1,

    /// <summary>A unit a live disposition went into (its leaders oversee the branch), for letters that are not secret.</summary>
    DisposedUnit = 2,
}

/// <summary>One key of a letter's access set.</summary>
public readonly record struct LetterGrantKey(GrantKind Kind, int PrincipalId);

/// <summary>
/// <see cref="LetterAccessRules"/> turned around: instead of asking, for each letter, whether the viewer relates to it,
/// each letter keeps the set of keys that may see it, and a viewer holds keys (<see cref="ViewerKeys"/>). A viewer sees
/// a letter exactly when the two sets meet, which a list answers with one index probe per letter instead of an OR of
/// correlated subqueries.
/// </summary>
public static class LetterGrantRules
{
    public static IReadOnlySet<LetterGrantKey> For(LetterAccessFacts letter)
    {
        var keys = new HashSet<LetterGrantKey> { new(GrantKind.Person, letter.AddresseeId) };
        foreach (var d in letter.Dispositions.Where(d => d.Status != DispositionStatus.Dibatalkan))
        {
            keys.Add(new(GrantKind.Person, d.FromEmployeeId));
            keys.Add(new(GrantKind.Person, d.ToEmployeeId));
        }
        foreach (var holder in letter.CopyHolderIds)
        {
            keys.Add(new(GrantKind.Person, holder));
        }
        if (!letter.Security.IsSecret())
        {
            keys.Add(new(GrantKind.Unit, letter.UnitId));
            foreach (var d in letter.Dispositions.Where(d => d.Status != DispositionStatus.Dibatalkan))
            {
                keys.Add(new(GrantKind.DisposedUnit, d.ToUnitId));
            }
        }
        return keys;
    }

    /// <summary>The keys a viewer holds: themself, the units they lead or keep the agenda of, the units they lead as branches.</summary>
    public static ViewerKeys Of(LetterViewer viewer)
    {
        var own = viewer.LedUnits.ToHashSet();
        if (viewer.AgendaUnitId is int agenda)
        {
            own.Add(agenda);
        }
        return new ViewerKeys(viewer.EmployeeId, [.. own.Order()], [.. viewer.LedUnits.Order()], [.. (viewer.AlsoActsFor ?? new HashSet<int>()).Order()]);
    }

    /// <summary>Does the viewer see a letter with these grants? The same answer as <see cref="LetterAccessRules.RelationOf"/> != None.</summary>
    public static bool Sees(ViewerKeys viewer, IEnumerable<LetterGrantKey> grants) => grants.Any(g => g.Kind switch
    {
        GrantKind.Person => g.PrincipalId == viewer.EmployeeId || viewer.AlsoActsFor.Contains(g.PrincipalId),
        GrantKind.Unit => viewer.OwnUnits.Contains(g.PrincipalId),
        _ => viewer.OverseenUnits.Contains(g.PrincipalId),
    });
}

/// <summary>A viewer's keys in the shape a query uses.</summary>
public sealed record ViewerKeys(int EmployeeId, IReadOnlyList<int> OwnUnits, IReadOnlyList<int> OverseenUnits, IReadOnlyList<int> AlsoActsFor);
