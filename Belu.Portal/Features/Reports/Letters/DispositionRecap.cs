using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Features.Reports.Letters;

/// <summary>One disposition as the recap counts it.</summary>
public readonly record struct DispositionFact(
    int ToUnitId, int ToEmployeeId, DispositionStatus Status, DateOnly? Deadline, DateTime CreatedAtUtc, DateTime? FinishedAtUtc);

/// <summary>A recap line: what a unit or a person received and how it went.</summary>
public sealed record DispositionRecapLine(
    int Key, int Received, int Finished, int InProgress, int Overdue, decimal? MeanDaysToFinish);

/// <summary>
/// The disposition recap's arithmetic, plain so it is tested exhaustively: cancelled dispositions do not count;
/// an open one past its deadline day is overdue, otherwise in progress; the mean is over finished ones, in days
/// (fractional, two decimals) from the disposition to its report.
/// </summary>
public static class DispositionRecap
{
    public static IReadOnlyList<DispositionRecapLine> By(IEnumerable<DispositionFact> facts, Func<DispositionFact, int> key, DateOnly today) =>
        facts.Where(f => f.Status != DispositionStatus.Dibatalkan)
            .GroupBy(key)
            .Select(g =>
            {
                var finished = g.Where(f => f.Status == DispositionStatus.Selesai && f.FinishedAtUtc is not null).ToList();
                var overdue = g.Count(f => LetterStateRules.IsOverdue(f.Status, f.Deadline, today));
                var open = g.Count(f => f.Status != DispositionStatus.Selesai);
                decimal? mean = finished.Count == 0 ? null
                    : Math.Round((decimal)finished.Average(f => (f.FinishedAtUtc!.Value - f.CreatedAtUtc).TotalDays), 2, MidpointRounding.AwayFromZero);
                return new DispositionRecapLine(g.Key, g.Count(), g.Count(f => f.Status == DispositionStatus.Selesai), open - overdue, overdue, mean);
            })
            .ToList();
}
