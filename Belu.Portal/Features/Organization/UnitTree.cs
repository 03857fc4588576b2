namespace Belu.Portal.Features.Organization;

/// <summary>
/// The organisation tree as plain data: who lies under whom. Scope rules ("a leader sees what lies under
/// his units") and move checks are answered here, without a database.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<int, UnitNode> _nodes;
    private readonly ILookup<int?, UnitNode> _children;

    public UnitTree(IEnumerable<UnitNode> nodes)
    {
        _nodes = nodes.ToDictionary(n => n.Id);
        _children = _nodes.Values.OrderBy(n => n.SortOrder).ThenBy(n => n.Name, StringComparer.Ordinal).ToLookup(n => n.ParentId);
    }

    public IReadOnlyCollection<UnitNode> All => _nodes.Values;

    public IEnumerable<UnitNode> Roots => _children[null];

    public bool Contains(int id) => _nodes.ContainsKey(id);

    public UnitNode this[int id] => _nodes[id];

    public IEnumerable<UnitNode> ChildrenOf(int? id) => _children[id];

    /// <summary>The unit itself and everything beneath it.</summary>
    public HashSet<int> SubtreeOf(int id)
    {
        var result = new HashSet<int>();
        if (!_nodes.ContainsKey(id))
        {
            return result;
        }
        var stack = new Stack<int>([id]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!result.Add(current))
            {
                continue;
            }
            foreach (var child in _children[current])
            {
                stack.Push(child.Id);
            }
        }
        return result;
    }

    /// <summary>From the unit up to the root, the unit first.</summary>
    public IEnumerable<UnitNode> AncestryOf(int id)
    {
        var seen = new HashSet<int>();
        for (int? current = id; current is int c && _nodes.TryGetValue(c, out var node) && seen.Add(c); current = node.ParentId)
        {
            yield return node;
        }
    }

    /// <summary>Is <paramref name="id"/> the same as, or beneath, <paramref name="ancestorId"/>?</summary>
    public bool IsWithin(int id, int ancestorId) => AncestryOf(id).Any(n => n.Id == ancestorId);

    /// <summary>The top-level unit (OPD or kecamatan) a unit belongs to, or the unit itself at the top.</summary>
    public UnitNode? OpdOf(int id) =>
        AncestryOf(id).FirstOrDefault(n => n.Kind.IsTopLevel()) ?? AncestryOf(id).LastOrDefault();

    /// <summary>"Dinas Kominfo › Bidang Aplikasi Informatika": the path below the regency.</summary>
    public string PathOf(int id) =>
        string.Join(" › ", AncestryOf(id).Reverse().Where(n => n.Kind != UnitKind.Pemkab).Select(n => n.Name));

    /// <summary>Why a unit may not have this parent and kind, or null when it may.</summary>
    public string? CheckPlacement(int? unitId, UnitKind kind, int? parentId)
    {
        if (kind == UnitKind.Pemkab)
        {
            if (parentId is not null)
            {
                return "Unit Pemerintah Kabupaten adalah akar pohon dan tidak boleh memiliki induk.";
            }
            var otherRoot = _nodes.Values.FirstOrDefault(n => n.Kind == UnitKind.Pemkab && n.Id != unitId);
            return otherRoot is null ? null : $"Sudah ada unit akar ({otherRoot.Name}).";
        }
        if (parentId is not int parent || !_nodes.TryGetValue(parent, out var parentNode))
        {
            return "Unit induk wajib dipilih.";
        }
        if (unitId is int id && (parent == id || IsWithin(parent, id)))
        {
            return "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau unit turunannya.";
        }
        if (kind.IsTopLevel() && parentNode.Kind != UnitKind.Pemkab)
        {
            return $"{kind.Label()} harus berada langsung di bawah Pemerintah Kabupaten.";
        }
        if (!kind.IsTopLevel() && parentNode.Kind == UnitKind.Pemkab)
        {
            return $"{kind.Label()} harus berada di dalam sebuah OPD atau kecamatan.";
        }
        return null;
    }
}

public sealed record UnitNode(int Id, int? ParentId, string Name, string Code, UnitKind Kind, int SortOrder, bool IsActive);
