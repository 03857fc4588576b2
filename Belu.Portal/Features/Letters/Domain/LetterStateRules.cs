namespace Belu.Portal.Features.Letters.Domain;

/// <summary>One disposition as the state rules see it.</summary>
public readonly record struct DispositionSnapshot(DispositionStatus Status, DateOnly? Deadline);

/// <summary>The stored summary of a tree: progress and the earliest deadline still open.</summary>
public readonly record struct LetterSummary(LetterState Progress, DateOnly? OpenDeadline);

/// <summary>
/// A letter's state from its disposition tree (docs/domain/letters.md, "A letter's state"). Cancelled dispositions do not count; a deadline day is
/// still on time, the day after it is late; Selesai needs every remaining branch done.
/// </summary>
public static class LetterStateRules
{
    public static LetterState Derive(IEnumerable<DispositionSnapshot> tree, DateOnly today) =>
        FromSummary(Summarize(tree), today);

    public static LetterSummary Summarize(IEnumerable<DispositionSnapshot> tree)
    {
        var live = tree.Where(d => d.Status != DispositionStatus.Dibatalkan).ToList();
        if (live.Count == 0)
        {
            return new(LetterState.BelumDidisposisi, null);
        }
        var open = live.Where(d => d.Status != DispositionStatus.Selesai).ToList();
        if (open.Count == 0)
        {
            return new(LetterState.Selesai, null);
        }
        var deadline = open.Where(d => d.Deadline is not null).Select(d => d.Deadline).Min();
        return new(LetterState.DalamProses, deadline);
    }

    public static LetterState FromSummary(LetterSummary summary, DateOnly today) => summary.Progress switch
    {
        LetterState.BelumDidisposisi => LetterState.BelumDidisposisi,
        LetterState.Selesai => LetterState.Selesai,
        _ when IsOverdue(summary.OpenDeadline, today) => LetterState.Terlambat,
        _ => LetterState.DalamProses,
    };

    /// <summary>The deadline day itself is still on time.</summary>
    public static bool IsOverdue(DateOnly? deadline, DateOnly today) => deadline is DateOnly d && d < today;

    /// <summary>A single disposition is late when it is unfinished after its deadline day.</summary>
    public static bool IsOverdue(DispositionStatus status, DateOnly? deadline, DateOnly today) =>
        status is not (DispositionStatus.Selesai or DispositionStatus.Dibatalkan) && IsOverdue(deadline, today);
}
