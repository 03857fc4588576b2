namespace Belu.Portal.Features.Attendance;

/// <summary>
/// The order in which the single punch writer serves what waits for it. People at a screen or a kiosk (the
/// interactive lane) go first, together, in batches of at most <see cref="MaxPunches"/> punches, and never inside a
/// machine's chunk. A machine's or an import's chunks (the bulk lane) are written one at a time, in arrival order, only
/// when no person is waiting: someone checking in waits at most for the one chunk being written when they arrived.
/// </summary>
internal sealed class PunchLanes<T>(int maxPunches, Func<T, int> sizeOf)
{
    private readonly List<T> _interactive = [];
    private readonly Queue<T> _bulk = new();

    public int MaxPunches { get; } = maxPunches;

    public bool IsEmpty => _interactive.Count == 0 && _bulk.Count == 0;

    public void Add(T item, bool bulk)
    {
        if (bulk)
        {
            _bulk.Enqueue(item);
        }
        else
        {
            _interactive.Add(item);
        }
    }

    /// <summary>The next batch to write in one transaction, or an empty list when nothing waits.</summary>
    public List<T> TakeNext()
    {
        if (_interactive.Count == 0)
        {
            return _bulk.TryDequeue(out var chunk) ? [chunk] : [];
        }
        var batch = new List<T>();
        var count = 0;
        // The first one always goes, even if it alone is larger than the limit.
        while (_interactive.Count > batch.Count && (batch.Count == 0 || count + sizeOf(_interactive[batch.Count]) <= MaxPunches))
        {
            count += sizeOf(_interactive[batch.Count]);
            batch.Add(_interactive[batch.Count]);
        }
        _interactive.RemoveRange(0, batch.Count);
        return batch;
    }
}
