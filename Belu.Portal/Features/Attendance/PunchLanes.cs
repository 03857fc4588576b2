namespace Belu.Portal.Features.Attendance;

/// <summary>
/// The order in which the single punch writer serves what waits for it. People at a screen or a kiosk (the
/// interactive lane) go first, together, in batches of at most <see cref="MaxPunches"/> punches, and never inside a
/// machine's chunk. A machine's or an import's chunks (the bulk lane) are written in arrival order only when no person
/// is waiting, those waiting together in one batch of at most <see cref="MaxMachinePunches"/> punches (a larger chunk
/// alone): someone checking in waits at most for the one machine batch being written when they arrived, and a bridge
/// sending one punch per request at a rush does not cost one transaction per punch.
/// </summary>
internal sealed class PunchLanes<T>(int maxPunches, int maxMachinePunches, Func<T, int> sizeOf)
{
    private readonly List<T> _interactive = [];
    private readonly List<T> _bulk = [];

    public int MaxPunches { get; } = maxPunches;

    public int MaxMachinePunches { get; } = maxMachinePunches;

    public bool IsEmpty => _interactive.Count == 0 && _bulk.Count == 0;

    public void Add(T item, bool bulk)
    {
        if (bulk)
        {
            _bulk.Add(item);
        }
        else
        {
            _interactive.Add(item);
        }
    }

    /// <summary>The next batch to write in one transaction, or an empty list when nothing waits.</summary>
    public List<T> TakeNext()
    {
        if (_interactive.Count > 0)
        {
            var batch = Take(_interactive.Count, i => _interactive[i], MaxPunches);
            _interactive.RemoveRange(0, batch.Count);
            return batch;
        }
        var machines = Take(_bulk.Count, i => _bulk[i], MaxMachinePunches);
        _bulk.RemoveRange(0, machines.Count);
        return machines;
    }

    /// <summary>The waiting items from the front, up to <paramref name="limit"/> punches; the first always goes, even if it alone is larger.</summary>
    private List<T> Take(int waiting, Func<int, T> at, int limit)
    {
        var batch = new List<T>();
        var count = 0;
        while (waiting > batch.Count && (batch.Count == 0 || count + sizeOf(at(batch.Count)) <= limit))
        {
            count += sizeOf(at(batch.Count));
            batch.Add(at(batch.Count));
        }
        return batch;
    }
}
